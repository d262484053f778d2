import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileModule } from "../src/compile/index.js";

/** Compile-time SyntaxWarnings, compared with what python3's compile() warns (category, text, line). */
const SOURCES: string[] = [
  "x = 5\nprint(x is 1000, x is not 'a', x is None, x is -1)\n",
  "i = 3\nprint(i is 9 - 0)\nprint(1000 is 1000)\n",
  "for i in range(3): i is 5\n",
  "assert (x, 'message')\n",
  "points = [(1, 2) (3, 4)]\n",
  "v = [1, 2][1.5]\nw = 'abc'['k']\nn = None[0]\nq = {1, 2}[0]\nok = [1, 2][0]\ns = [1, 2][1:]\n",
  "f = 'text'(1)\ng = (x for x in y)[0]\n",
  "a = (lambda x: x * 2)(21)\nb = {1: 2}(3)\nc = [i for i in x](0)\n",
  // the tokenizer's: a number literal glued to a keyword, before the compiler's own
  "x = [1]\nprint(1if x else 2, 1if 1 else 2)\nprint(0x1for a in x)\nprint(1is 1, 1in x, 1not in x, 0if 0 else 3)\n",
  "print([0x1for a in [1]], 0o7and 1, 0b1or 0, 1.5if 1 else 0, 1e5if 1 else 0, 1jif 1 else 0, 1_0if 1 else 0, 1.if 1 else 0, 0 if 1else 2, 0e0if 1 else 2, .5or 1)\n",
  "y = '1if'  # 1if 2for\nz = x1if = v2for = 3\ndef f():\n    return 1or 2\nw = '''0for''' + 'x'\nq = 0xffor 1\n",
];

const SCRIPT = String.raw`
import sys, json, warnings
out = []
for src in json.load(sys.stdin):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        compile(src, "w.py", "exec")
    out.append([[w.category.__name__, str(w.message), w.lineno] for w in got])
print(json.dumps(out))
`;

describe("compile-time warnings match python3", () => {
  const r = spawnSync("python3", ["-c", SCRIPT], { input: JSON.stringify(SOURCES), encoding: "utf8" });
  const expected = JSON.parse(r.stdout) as [string, string, number][][];
  SOURCES.forEach((src, i) => {
    it(JSON.stringify(src).slice(0, 70), () => {
      const got = compileModule(src, "w.py").warnings.map((w) => [w.category, w.message, w.lineno]);
      expect(got).toEqual(expected[i]);
    });
  });
});
