/**
 * The match statement (PEP 634) against python3: programs run in real python3 and in `run()` (same
 * stdout, stderr, exit status; no leak, a consistent heap); code objects and instruction sequences
 * match python3's compile(); compile-time errors carry python3's message and position.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";
import { compileModule, disassemble, OP_NAMES, tryCompile, type CodeObject } from "../src/compile/index.js";
import { pythonCompile, summarize } from "./compile-helpers/oracle.js";


const cpython = cpythonRunner("pyheap-match-");

const PROGRAMS: [string, string][] = [
  ["literals and singletons", `
def f(v):
    match v:
        case 0 | 1:
            return "bit"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2+3j:
            return "complex"
        case "s" | b"b":
            return "text"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"
for v in [0, 1, True, False, -1, 1.5, 2+3j, "s", b"b", None, 7, 0.0]:
    print(repr(v), f(v))
`],
  ["captures, wildcard, as and guards", `
def f(v):
    match v:
        case int(n) as whole if n > 10:
            return ("big", n, whole)
        case (1 | 2) as small:
            return ("small", small)
        case x if isinstance(x, str) and x:
            return ("str", x)
        case _ if v == []:
            return "empty list"
        case other:
            return ("other", other)
for v in [11, 1, 2, 3, "a", "", []]:
    print(f(v))
`],
  ["sequences", `
def f(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return ("one", x)
        case [1, *_]:
            return "starts with 1"
        case [a, *_, b] if a == b:
            return ("same ends", a)
        case [a, *rest, b]:
            return ("ends", a, rest, b)
        case (x, y):
            return ("pair", x, y)
        case _:
            return "no"
for v in [[], [5], (5,), [1, 2, 3], [4, 0, 4], [4, 5, 6, 7], (8, 9), "ab", range(3), {"a": 1}, 3]:
    print(repr(v), f(v))
match (1, 2, 3):
    case first, *others:
        print(first, others)
`],
  ["nested sequences and wildcards in the middle", `
def f(v):
    match v:
        case [_, _, *_, (p, q)]:
            return (p, q)
        case [[a, b], [c, *d]]:
            return (a, b, c, d)
        case [*_, last]:
            return last
        case [*_]:
            return "any sequence"
print(f([1, 2, (3, 4)]), f([[1, 2], [3, 4, 5]]), f([9]), f([]))
`],
  ["mappings", `
def f(v):
    match v:
        case {}  if not v:
            return "empty"
        case {"kind": "point", "x": x, "y": y}:
            return ("point", x, y)
        case {"kind": "named", **rest}:
            return ("named", sorted(rest.items()))
        case {1: one, **rest}:
            return (one, rest)
        case {}:
            return "some mapping"
for v in [{}, {"kind": "point", "x": 1, "y": 2, "z": 3}, {"kind": "named", "a": 1, "b": 2}, {1: "x", 2: "y"}, {"q": 0}, [], None]:
    print(f(v))
class D(dict):
    def __missing__(self, key):
        print("missing", key)
        return 0
match D(a=1):
    case {"a": a, "b": b}:
        print("both", a, b)
    case {"a": a}:
        print("only a", a)
`],
  ["class patterns", `
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Plain:
    pass
def f(v):
    match v:
        case Point3(0, 0, 0):
            return "origin3"
        case Point3(z=z, x=x):
            return ("p3", x, z)
        case Point(0, y=y):
            return ("on y", y)
        case Point(x, 0) | Point(0, x):
            return ("axis", x)
        case Point(x=a, y=b) if a == b:
            return ("diagonal", a)
        case Point():
            return "a point"
        case Plain(missing=m):
            return m
        case Plain():
            return "plain"
        case bool(b):
            return ("bool", b)
        case int(n) | float(n):
            return ("number", n)
        case str(s) | bytes(s):
            return ("text", s)
        case list([*items]):
            return ("list", items)
        case dict({"k": k}):
            return ("dict", k)
        case tuple((a, b)):
            return ("tuple", a, b)
    return "nothing"
for v in [Point3(0, 0, 0), Point3(1, 2, 3), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2), Plain(), True, 3, 2.5, "s", b"b", [1, 2], {"k": 1}, (1, 2), None]:
    print(f(v))
`],
  ["or-patterns binding names in different orders", `
def f(v):
    match v:
        case (a, b, 1) | (b, a, 2) | (1, a, b):
            return (a, b)
        case [x, [y, z]] | [[y, z], x]:
            return (x, y, z)
for v in [(1, 2, 1), (1, 2, 2), (1, 5, 6), [1, [2, 3]], [[2, 3], 1], [[2, 3], [4, 5]]]:
    print(f(v))
`],
  ["value patterns from attributes", `
class Color:
    RED = "red"
    GREEN = "green"
class NS:
    class Inner:
        VALUE = 42
def f(v):
    match v:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case NS.Inner.VALUE:
            return "answer"
    return "?"
print(f("red"), f("green"), f(42), f("blue"))
`],
  ["match at module level and in a loop", `
log = []
for item in [("add", 1), ("add", 2), ("mul", 10), ("reset",), ("bad", 1, 2)]:
    match item:
        case ("add", n):
            log.append(n)
        case ("mul", n):
            log = [x * n for x in log]
        case ("reset",):
            log = []
        case unknown:
            print("unknown", unknown)
    print(log)
print(n, unknown)
`],
  ["tuple subjects", `
def where(x, y):
    match x, y:
        case 0, 0:
            return "origin"
        case 0, _:
            return "y axis"
        case _, 0:
            return "x axis"
        case (a, b) if a == b:
            return "diagonal"
    return "plane"
for p in [(0, 0), (0, 3), (2, 0), (4, 4), (1, 2)]:
    print(p, where(*p))
rest = [3, 4]
match 1, *rest, "a:b":
    case [first, *middle, "a:b"]:
        print(first, middle)
match = {"match": 1}
print(match["match"])
`],
  ["mapping keys are constants of the code and of the parse tree", `
import sys
def f(m):
    match m:
        case {"some key here": v, "other key": w}:
            return v + w
print(f({"some key here": 1, "other key": 2}))
print(sys.getrefcount("some key here"), sys.getrefcount("other key"))
`],
  ["string literals side by side in patterns", `
def f(v):
    match v:
        case "ab" "cd" | "x" 'y':
            return 1
        case b"q" b"r" if v:
            return 2
        case ["a" "b", "c"]:
            return 3
        case {"k" "e": "v" "w"}:
            return 4
    return 0
print(f("abcd"), f(b"qr"), f(["ab", "c"]), f({"ke": "vw"}), f("x"))
s = "case" "s"
print(s)
`],
  ["runtime errors", `
class NoArgs:
    pass
class BadArgs:
    __match_args__ = ["x"]
class Twice:
    __match_args__ = ("x",)
    x = 1
for v, run in [(NoArgs(), 0), (BadArgs(), 1), (Twice(), 2), (1, 3), ({"a": 1, "b": 2}, 4)]:
    try:
        if run == 0:
            match v:
                case NoArgs(a):
                    pass
        elif run == 1:
            match v:
                case BadArgs(a):
                    pass
        elif run == 2:
            match v:
                case Twice(a, x=b):
                    pass
        elif run == 3:
            match v:
                case int(a, b):
                    pass
        else:
            k = "a"
            class K:
                A = "a"
            match v:
                case {K.A: 1, "a": 2}:
                    pass
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def g(v):
    match v:
        case len(x):
            pass
g(1)
`],
  ["gc counts around match", `
import gc
class P:
    __match_args__ = ("a",)
    def __init__(self, a):
        self.a = a
p = P([1])
d = {"k": [1, 2], "j": 3}
s = [1, 2, 3, 4]
counts = []
gc.collect()
counts.append(gc.get_count())
match p:
    case P([x]):
        counts.append(gc.get_count())
counts.append(gc.get_count())
match d:
    case {"k": [a, b], **rest}:
        counts.append(gc.get_count())
counts.append(gc.get_count())
match s:
    case [first, *middle, last]:
        counts.append(gc.get_count())
counts.append(gc.get_count())
match p:
    case P(b=1):
        pass
    case P(a=[]):
        pass
counts.append(gc.get_count())
match d:
    case {"missing": 1}:
        pass
counts.append(gc.get_count())
print(counts, x, a, b, rest, first, middle, last)
`],
  ["class patterns with empty argument lists in alternatives and parentheses", `
class C:
    class D:
        pass
def g(x):
    match x:
        case (str() | bytes()) as t:
            return ("text", t)
        case [int(), float()] if len(x) == 2:
            return "pair"
        case (C() | C.D()) as o:
            return type(o).__name__
        case {"a": (list() | tuple()) as s}:
            return ("a", s)
        case str( ) | int( ):
            return "unreachable"
        case _:
            return "?"
for v in ["a", b"b", [1, 2.5], C(), C.D(), {"a": (1,)}, {"a": 1}, 5]:
    print(g(v))
`],
  ["a name case assigned a call, and patterns after a character beyond the BMP", `
def f(*a):
    return len(a)
case = f()
print(case)
case = [f(), f(1)] if f() == 0 else None
print(case)
case += [f(1, 2)]
print(case)
print("😀")
def g(x):
    match x:
        case (str() | bytes()) as t:
            return ("text", t)
        case "a" "b":
            return "ab"
        case _:
            return "?"
for v in ["x", b"y", 1]:
    print(g(v))
match "😀", 2:
    case ("😀", int()):
        print("tuple")
case = f()`],
];

describe("match programs against python3", () => {
  for (const [name, source] of PROGRAMS) {
    it(name, () => expectSameAsPython(cpython, name, source));
  }
});

const SCRIPT = String.raw`
import sys, json, dis, types
def walk(co, out):
    out.append([co.co_name, [i.opname + (" " + str(i.arg) if i.opname in ("COPY", "SWAP", "UNPACK_SEQUENCE", "UNPACK_EX", "MATCH_CLASS", "IS_OP") else "") for i in dis.get_instructions(co)]])
    for c in co.co_consts:
        if isinstance(c, types.CodeType): walk(c, out)
res = []
for src in json.load(sys.stdin):
    out = []
    walk(compile(src, "f.py", "exec"), out)
    res.append(out)
print(json.dumps(res))
`;
/** Jump opcodes differ in direction and NOPs in placement (see compile-opcounts.test.ts); all else must be equal. */
const IGNORED = /^(NOP|EXTENDED_ARG|CACHE)$|JUMP/;
const ARG_OPS = new Set(["COPY", "SWAP", "UNPACK_SEQUENCE", "UNPACK_EX", "MATCH_CLASS", "IS_OP"]);
function ours(code: CodeObject, out: [string, string[]][] = []): [string, string[]][] {
  const ops: string[] = [];
  for (let i = 0; i < code.co_ninstructions; i++) {
    const name = OP_NAMES[code.co_code[2 * i]!]!;
    ops.push(ARG_OPS.has(name) ? `${name} ${code.co_code[2 * i + 1]}` : name);
  }
  out.push([code.co_name, ops]);
  for (const c of code.co_consts) if (c.kind === "code") ours(c.code, out);
  return out;
}

describe("match compiles to python3's instructions", () => {
  const sources = PROGRAMS.map(([, s]) => s);
  const r = spawnSync("python3", ["-c", SCRIPT], { input: JSON.stringify(sources), encoding: "utf8", maxBuffer: 1 << 26 });
  const py = JSON.parse(r.stdout) as [string, string[]][][];
  const oracle = pythonCompile(sources.map((src) => ({ src })));
  PROGRAMS.forEach(([name, src], i) => {
    it(name, () => {
      const unit = compileModule(src, "f.py", "exec");
      const mine = ours(unit.code).map(([n, ops]) => [n, ops.filter((o) => !IGNORED.test(o))]);
      const want = py[i]!.map(([n, ops]) => [n, ops.filter((o) => !IGNORED.test(o))]);
      if (JSON.stringify(mine) !== JSON.stringify(want)) console.log(disassemble(unit.code));
      expect(mine).toEqual(want);
      const expected = oracle[i]!;
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(summarize(unit.code)).toEqual(expected.codes);
    });
  });
});

const BAD: string[] = [
  "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
  "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
  "match x:\n    case [a, a]:\n        pass\n",
  "match x:\n    case a | b:\n        pass\n",
  "match x:\n    case [a] | (b, c):\n        pass\n",
  "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
  "match x:\n    case {1: a, True: b}:\n        pass\n",
  "match x:\n    case C(a=1, a=2):\n        pass\n",
  "match x:\n    case C(a=1, 2):\n        pass\n",
  "match x:\n    case [*a, *b]:\n        pass\n",
  "match x:\n    case (y as z) | z:\n        pass\n",
  "match x:\n    case [y, _ as y]:\n        pass\n",
  "match x:\n    case 1+1:\n        pass\n",
  "match x:\n    case 1j+1:\n        pass\n",
  "match x:\n    case _ as _:\n        pass\n",
  "match x:\n    case f\"x\":\n        pass\n",
  "match x:\n    case [1, f\"x{x}\"]:\n        pass\n",
  "match x:\n    case {\"a\": f\"x\"}:\n        pass\n",
  "match x:\n    case {str(): 1}:\n        pass\n",
  "def f(x):\n    match x:\n        case [a, *b] if b:\n            pass\n        case {**a}:\n            pass\n        case other:\n            pass\n        case _:\n            pass\n",
];

describe("match errors found at compile time are python3's", () => {
  const oracle = pythonCompile(BAD.map((src) => ({ src })));
  BAD.forEach((src, i) => {
    it(JSON.stringify(src.split("\n").slice(1, 2)[0]!.trim()), () => {
      const want = oracle[i]!;
      const got = tryCompile(src, "f.py", "exec");
      expect(want.ok).toBe(false);
      expect(got.ok).toBe(false);
      if (!want.ok && !got.ok) {
        expect({ msg: got.error.msg, lineno: got.error.lineno, offset: got.error.offset }).toEqual({ msg: want.msg, lineno: want.lineno, offset: want.offset });
      }
    });
  });
});
