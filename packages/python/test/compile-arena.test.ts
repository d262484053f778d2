import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileModule, constRepr, type CodeObject, type Const } from "../src/compile/index.js";

/**
 * The references the script's parse tree (CPython's AST arena) holds on each constant while the script
 * runs. python3 runs each case as __main__ with a probe appended that walks its own code objects and
 * subtracts every known holder from sys.getrefcount; ours comes from the descriptors' arenaRefs.
 */
const PROBE = String.raw`
import sys as _sys, types as _types
def _probe():
    top = _sys._getframe(1).f_code
    codes, stack = [], [top]
    while stack:
        c = stack.pop()
        codes.append(c)
        stack.extend(k for k in c.co_consts if isinstance(k, _types.CodeType))
    holders = {}
    objs = []
    def visit(o):
        if isinstance(o, _types.CodeType):
            return
        if id(o) not in holders:
            holders[id(o)] = 0
            objs.append(o)
            if isinstance(o, (tuple, frozenset)):
                for x in o:
                    visit(x)
                    holders[id(x)] += 1
    for c in codes:
        for k in c.co_consts:
            visit(k)
            if not isinstance(k, _types.CodeType):
                holders[id(k)] += 1
    del c, k
    out = []
    for o in objs:
        if o is None or o is True or o is False or o is ... or o == () and type(o) is tuple:
            continue
        if type(o) is int and -5 <= o <= 256:
            continue
        if type(o) is str and (len(o) <= 1 or o.isidentifier() or all(ch.isalnum() or ch == "_" for ch in o)):
            continue
        if type(o) is bytes and len(o) <= 1:
            continue
        # references: objs list, the loop variable o, getrefcount's argument, holders
        out.append((type(o).__name__, repr(o), _sys.getrefcount(o) - 3 - holders[id(o)]))
    import json
    print(json.dumps(sorted(out)))
_probe()
`;

const CASES: [string, string][] = [
  ["mixed constants", `def f():
    a = 1000
    b = (1000, 2000, 'x y')
    c = [3000, 4000, 5000]
    d = 2 ** 40 * 3
    e = q in [7000, 8000]
    g = {9000, 9001, 9002}
    h = 'hello world'
    i = 'hello' + ' world'
    j = 999 + 1
    k = 2.5
    l = (1, 2) + (3, 4)
    m = [4000, 'zz zz']
    n = (9000, 9001)
    return f'{a} and {b}' + 'tail text'
`],
  ["list display first, then equal tuple", "def f():\n    a = [5000, 6000, 7000]\n    b = (5000, 6000, 7000)\n"],
  ["tuple first, then equal list display", "def f():\n    b = (5000, 6000, 7000)\n    a = [5000, 6000, 7000]\n"],
  ["frozenset from in", "def f(x):\n    return x in {1234, 5678}\n"],
  ["defaults folded to a tuple", "def outer():\n    def g(a=5000, b='p q'):\n        return a\n    return g\n"],
  ["not folded power", "def f():\n    return 2 ** 70 // 2 ** 10, 2 ** 40 * 3\n"],
  ["kw names", "def f():\n    return g(key=1234, other='v w')\n"],
  ["nested functions share", "def f():\n    x = 31337\n    def g():\n        return 31337, 'a b'\n    return 'a b'\n"],
  ["bytes and floats", "def f():\n    return b'xyz', 1.25, -0.5, 1e300, 2j\n"],
];

/** Types named as python3's type().__name__. */
const TYPE_NAMES: Record<string, string> = { int: "int", float: "float", complex: "complex", str: "str", bytes: "bytes", tuple: "tuple", frozenset: "frozenset" };

function ours(code: CodeObject): [string, string, number][] {
  const seen = new Set<Const>();
  const visit = (c: Const) => {
    if (seen.has(c)) return;
    seen.add(c);
    if (c.kind === "tuple" || c.kind === "frozenset") c.items.forEach(visit);
    if (c.kind === "code") c.code.co_consts.forEach(visit);
  };
  code.co_consts.forEach(visit);
  const out: [string, string, number][] = [];
  for (const c of seen) {
    if (c.kind === "none" || c.kind === "bool" || c.kind === "ellipsis" || c.kind === "code") continue;
    if (c.kind === "tuple" && c.items.length === 0) continue;
    if (c.kind === "int" && c.value >= -5n && c.value <= 256n) continue;
    if (c.kind === "str" && ([...c.value].length <= 1 || /^\w*$/u.test(c.value))) continue;
    if (c.kind === "bytes" && c.value.length <= 1) continue;
    out.push([TYPE_NAMES[c.kind]!, constRepr(c), c.arenaRefs]);
  }
  return out.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : a[0] + a[1] > b[0] + b[1] ? 1 : 0));
}

describe("arena references per constant match a python3 script", () => {
  const dir = mkdtempSync(join(tmpdir(), "pyheap-arena-"));
  const results = CASES.map(([, src], i) => {
    const file = join(dir, `case${i}.py`);
    writeFileSync(file, src + PROBE);
    const r = spawnSync("python3", [file], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as [string, string, number][];
  });
  rmSync(dir, { recursive: true, force: true });
  CASES.forEach(([name, src], i) => {
    it(name, () => {
      const unit = compileModule(src + PROBE, `case${i}.py`, "exec");
      const expected = results[i]!.map(([t, r, n]) => [t, r, n]);
      const sortKey = (x: (string | number)[]) => String(x[0]) + String(x[1]);
      expected.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      expect(ours(unit.code)).toEqual(expected);
    });
  });
});
