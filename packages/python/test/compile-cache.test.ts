// The compiler's cache of recent units: the same unit for the same source, file name and mode; never a
// unit of another source, file name or mode.
import { describe, expect, it } from "vitest";
import { clearCompileCache, compileModule } from "../src/compile/index.js";

describe("compile cache", () => {
  const src = "a = 1000\nb = 1000\nprint(a is b)\n";
  it("returns the unit compiled before for the same source, file name and mode", () => {
    clearCompileCache();
    const u = compileModule(src, "main.py", "exec");
    expect(compileModule(src, "main.py", "exec")).toBe(u);
    clearCompileCache();
    const fresh = compileModule(src, "main.py", "exec");
    expect(fresh).not.toBe(u);
    expect(fresh).toEqual(u);
  });
  it("tells file names, modes and sources apart", () => {
    const u = compileModule(src, "main.py", "exec");
    const other = compileModule(src, "other.py", "exec");
    expect(other.code.co_filename).toBe("other.py");
    expect(u.code.co_filename).toBe("main.py");
    const single = compileModule("1 + 1\n", "<stdin>", "single");
    const exec = compileModule("1 + 1\n", "<stdin>", "exec");
    expect(single).not.toBe(exec);
    expect(single.code.co_code).not.toEqual(exec.code.co_code);
    expect(compileModule(src + "\n", "main.py", "exec")).not.toBe(u);
  });
  it("keeps only recent units", () => {
    clearCompileCache();
    const first = compileModule("x = 0\n", "main.py");
    for (let i = 1; i <= 64; i++) compileModule(`x = ${i}\n`, "main.py");
    expect(compileModule("x = 0\n", "main.py")).not.toBe(first);
    expect(compileModule("x = 64\n", "main.py")).toBe(compileModule("x = 64\n", "main.py"));
  });
});
