import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileModule, disassemble, OP_NAMES, type CodeObject } from "../src/compile/index.js";

/**
 * Instruction sequences and source positions (line, end line, column, end column: what traceback carets
 * are drawn from) compared with python3's dis / co_positions() for straight-line programs.
 */
const SCRIPT = String.raw`
import sys, json, dis, types
def walk(co, out):
    pos = list(co.co_positions())
    res = []
    for i in dis.get_instructions(co):
        p = pos[i.offset // 2]
        res.append([i.opname] + [-1 if v is None else v for v in p])
    out.append(res)
    for c in co.co_consts:
        if isinstance(c, types.CodeType): walk(c, out)
res = []
for src in json.load(sys.stdin):
    out = []
    walk(compile(src, "f.py", "exec"), out)
    res.append(out)
print(json.dumps(res))
`;

const CASES: [string, string][] = [
  ["subscript and binary op", "x = a[i] * 2\n"],
  ["calls", "print(x, sep=1)\nf(x)(y)\n"],
  ["method call", "o.m(1)\n"],
  ["attributes", "y.attr = 3\nz = d['k'].v\n"],
  ["unary", "q = -x + ~y\n"],
  ["displays", "t = (x, y)\nl = [x, y]\ns = {x: y}\n"],
  ["function", "def f(a, b):\n    return a / b\n"],
  ["multi-line method call and attribute", "x = (obj\n  .method(1,\n   2))\ny = (obj\n  .attr)\n"],
  ["not binds tighter than and/or", "if not a or b:\n    c()\nx = not a and b or c\ny = a or not b and c\nz = not a == b\nw = not a or b or c\n"],
  ["multi-line call", "total = compute(\n    first,\n    second,\n)\n"],
  ["raise", "raise ValueError('bad', 1)\n"],
  ["list displays (capacity: extend a constant tuple, or exact)", "l = [1, 2, 3]\nm = ['x' * 5000, 1, 2]\nn = [x, 1]\ns = {1, 2, 3}\n"],
  ["in with a list display", "a = x in [1, 2, 3]\nb = x not in {4, 5}\n"],
  ["f-string", "s = f'{a!r:>{w}} {b=}'\n"],
  ["augmented assignments", "x += 1\no.a -= 2\nd[k] *= 3\n"],
  ["unpacking", "a, *b = d\ne, f = f, e\n"],
  ["assert positions (the raise at the test's last comparison, else the statement)", "def f(a):\n    assert a > 0, 'm' + str(a)\n    assert a > 0 and a < 9\n    assert a, (\n 'm')\n    assert len(a)\n"],
  ["swaps in a function", "def f(a, b, c):\n    a, b = b, a\n    a, b, c = c, b, a\n    x = y = 1\n    (a, b), c = (1, 2), 3\n    a, a = b, c\n    p, = [q]\n"],
];

function ours(code: CodeObject, out: (string | number)[][][] = []): (string | number)[][][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < code.co_ninstructions; i++) {
    rows.push([OP_NAMES[code.co_code[2 * i]!]!, ...Array.from(code.co_positions.slice(4 * i, 4 * i + 4))]);
  }
  out.push(rows);
  for (const c of code.co_consts) if (c.kind === "code") ours(c.code, out);
  return out;
}

describe("instructions and positions match python3", () => {
  const r = spawnSync("python3", ["-c", SCRIPT], { input: JSON.stringify(CASES.map(([, s]) => s)), encoding: "utf8" });
  const expected = JSON.parse(r.stdout) as (string | number)[][][][];
  CASES.forEach(([name, src], i) => {
    it(name, () => {
      const unit = compileModule(src, "f.py");
      const got = ours(unit.code);
      if (JSON.stringify(got) !== JSON.stringify(expected[i])) console.log(disassemble(unit.code));
      expect(got).toEqual(expected[i]);
    });
  });
});
