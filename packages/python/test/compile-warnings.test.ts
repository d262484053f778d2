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
