import { describe, expect, it } from "vitest";
import { compileModule, disassemble } from "../src/compile/index.js";
import { floatRepr } from "../src/compile/disassemble.js";
import { spawnSync } from "node:child_process";

describe("disassemble", () => {
  it("lists instructions with lines, arguments, jump targets, nested code and the exception table", () => {
    const text = disassemble(compileModule("def f(x):\n    try:\n        return x[0]\n    except IndexError:\n        return None\ny = f([1000])\n", "d.py").code);
    expect(text).toMatch(/^ {3}0 {8}0 RESUME +0$/m);
    expect(text).toMatch(/LOAD_CONST +\d+ \(<code object f, file "d.py", line 1>\)/);
    expect(text).toMatch(/STORE_NAME +0 \(f\)/);
    expect(text).toContain("Disassembly of <code object f, file \"d.py\", line 1>:");
    expect(text).toMatch(/LOAD_FAST +0 \(x\)/);
    expect(text).toMatch(/LOAD_GLOBAL +1 \(NULL \+ IndexError\)|LOAD_GLOBAL +\d+ \(IndexError\)/);
    expect(text).toMatch(/ExceptionTable:\n {2}\d+ to \d+ -> \d+ \[0\]/);
    expect(text).toMatch(/>> +\d+ PUSH_EXC_INFO/);
  });
});

describe("float repr", () => {
  const values = [0.1, 1.5, 1e16, 1e-5, 1e-4, 123456789012345678, 2.5e-5, 1e300, -0.0, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, 100.0, 1e15];
  it("matches python3's repr()", () => {
    const r = spawnSync("python3", ["-c", `import json,sys; print(json.dumps([repr(float(v)) for v in json.load(sys.stdin)]))`], {
      input: JSON.stringify(values.map((v) => (Object.is(v, -0) ? "-0.0" : String(v)))),
      encoding: "utf8",
    });
    expect(values.map(floatRepr)).toEqual(JSON.parse(r.stdout));
  });
});
