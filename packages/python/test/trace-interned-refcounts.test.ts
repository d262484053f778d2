/**
 * Interned strings are mortal, as in CPython 3.11: the interned-string table holds no reference. So the
 * count of an interned str is what the program holds, in python3's sys.getrefcount, in pyheap's, and in
 * the trace (the record of x at the step after a line `nK = sys.getrefcount(x) - 1` shows nK); and an
 * interned str dies with its last reference (a str built again afterwards is interned anew).
 */
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";
import { objectAt, stepAtLine } from "./trace-helpers.js";

const cpython = cpythonRunner("pyheap-interned-");

// Each nK line reads the count of the str bound to NAMES[K]. The strings appear once or twice in the
// source, only as constants (never as names), so the parser's hold on constants is the same in both.
const SRC = `import sys
a = 'hello_world_abc'
n0 = sys.getrefcount(a) - 1
b = [a, a]
n1 = sys.getrefcount(a) - 1
c = sys.intern(''.join(['zz_run', 'time_key']))
n2 = sys.getrefcount(c) - 1
d = {c: 1}
n3 = sys.getrefcount(c) - 1
del b
n4 = sys.getrefcount(a) - 1
t = ('hello_world_abc', 'other_ident')
n5 = sys.getrefcount(a) - 1
print(n0, n1, n2, n3, n4, n5)
`;
const NAMES = ["a", "a", "c", "c", "a", "a"];

describe("interned strings are mortal", () => {
  test("traced refcounts of interned strings equal python3's sys.getrefcount(x) - 1 at the same lines", () => {
    const want = cpython("interned.py", SRC);
    expect(want.stderr).toBe("");
    const py = want.stdout.trim().split(" ").map(Number);
    expect(py).toHaveLength(NAMES.length);
    const result = run(SRC, { trace: "line", filename: "interned.py" });
    expect(result.stdout).toBe(want.stdout);
    const trace = result.trace!;
    const lines = SRC.split("\n");
    NAMES.forEach((name, k) => {
      const line = lines.findIndex((l) => l.startsWith(`n${k} = `)) + 1;
      const rec = objectAt(trace, stepAtLine(trace, line + 1), name);
      expect(rec.refcount, `n${k} (${name})`).toBe(py[k]);
      // a mortal interned str is not one of the objects that live for the whole interpreter
      expect(rec.immortalish ?? false, `n${k} (${name})`).toBe(false);
    });
  });

  test("an interned str dies with its last reference; the same text built again is interned anew", () => {
    expectSameAsPython(
      cpython,
      "interned-dies",
      `import sys
s = sys.intern("".join(["mortal", "_name_x"]))
print(sys.getrefcount(s))
del s
u = "".join(["mortal", "_name_x"])
print(sys.intern(u) is u, sys.getrefcount(u))
c = 'const_ident_q'
v = "".join(["const", "_ident_q"])
print(sys.intern(v) is c, sys.intern(v) is v)
del c
print(sys.intern(v) is v)
x = "".join(["ab", "cd"])
x += "ef"
y = sys.intern(x)
print(y is x, sys.getrefcount(x))
x += "gh"
print(x, y, sys.intern("abcdef") is y)
`,
    );
  });
});
