/**
 * `s += t` in place (3.11's BINARY_OP_INPLACE_ADD_UNICODE after warm-up), the one-byte bytes cache and the
 * dict tracking rule for type objects, against python3: each program runs in real python3 and in `run()`,
 * traced and untraced, and the heap must be leak-free and consistent afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { runDetailed } from "../src/index.js";


const cpython = cpythonRunner("pyheap-inplace-");

const cases: [string, string][] = [
  [
    "growth across kinds",
    `def grow(start, c, n):
    s = start[:1] + start[1:]
    moved = []
    for _ in range(n):
        before = id(s)
        s += c
        if id(s) != before:
            moved.append(len(s))
    return moved, len(s)
for start, c in [("123456", "x"), ("\\xe9\\xe9", "\\xe9"), ("\\u20ac", "\\u20ac"), ("\\U0001f600", "\\U0001f600"), ("\\u20ac\\u20ac", "x"), ("123", "\\u20ac")]:
    print(repr(c), grow(start, c, 3), grow(start, c, 40))
`,
  ],
  [
    "warm-up by calls and by loop iterations",
    `def once(s, c):
    before = id(s)
    s += c
    return id(s) == before
def fresh():
    return str(10**5)
print([once(fresh(), "y") for _ in range(12)])
def loop(n):
    s = fresh()
    same = []
    for i in range(n):
        before = id(s)
        s = s + "z"
        same.append(id(s) == before)
    return same
print(loop(12))
print(loop(12))
`,
  ],
  [
    "a site that saw ints first, then a site whose types failed to specialise",
    `def acc(vals):
    total = vals[0]
    same = 0
    for v in vals[1:]:
        before = id(total)
        total += v
        same += id(total) == before
    return same
for _ in range(3):
    acc(list(range(30)))
print([acc([str(10**5)] + ["x"] * 8) for _ in range(12)])
def mixed(vals):
    out = vals[0]
    same = 0
    for v in vals[1:]:
        before = id(out)
        out += v
        same += id(out) == before
    return same
for k in range(40):
    mixed([[1], (2,), (3,)])
    print(k, mixed([str(10**5), "a", "b", "c"]), end="; ")
print()
`,
  ],
  [
    "never in place: globals, cells, attributes, shared or hashed strings",
    `g = str(10**5)
def glob(n):
    global g
    moves = 0
    for _ in range(n):
        before = id(g)
        g += "."
        moves += id(g) != before
    return moves
def cell(n):
    s = str(10**5)
    def show():
        return s
    moves = 0
    for _ in range(n):
        before = id(s)
        s += "."
        moves += id(s) != before
    return moves
class Box:
    pass
b = Box()
b.t = str(10**5)
def attr(n):
    moves = 0
    for _ in range(n):
        before = id(b.t)
        b.t += "."
        moves += id(b.t) != before
    return moves
def hashed(n):
    s = str(10**5)
    moves = 0
    seen = set()
    for _ in range(n):
        seen.add(s)
        before = id(s)
        s += "."
        moves += id(s) != before
    return moves, len(seen)
def empty_left(n):
    s = ""
    for _ in range(n):
        s += "ab"
    return s
for _ in range(3):
    glob(5); cell(5); attr(5); hashed(5); empty_left(3)
print(glob(9), cell(9), attr(9), hashed(9), empty_left(4))
`,
  ],
  [
    "one-byte bytes, bytes results that are their operand, and tracking of dicts holding types",
    `import gc
def same(a, b):
    return a is b
z = b'z'
print(same(bytes([122]), z), same(b'xyz'[2:], z), same(b'xyz'[-1:], z), same(b'z' + b'', z), same(bytes([122, 122])[1:], z))
x = bytes([97, 98])
print(same(x * 1, x), same(x + b'', x), same(b'' + x, x), same(x[:], x), same(x[0:2], x), same(b'xyz'[::5], b'x'), same(b'xyz'[2:0], b''))
print(same(b'xyz'[::-1][2:], b'x'), same(b'xyz'[-1::-3], b'z'), b'xyz'[::-1], b'abcdef'[1::2], x * 3)
class K:
    pass
print(gc.is_tracked({"t": int}), gc.is_tracked({"t": K}), gc.is_tracked({int: str}), gc.is_tracked({"t": type}))
t = tuple([int, str, 1])
u = tuple([K, 1])
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))
`,
  ],
];

describe("in-place str append, bytes cache, tracking rule: run() against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-") + ".py";
      const want = cpython(fname, source);
      expect(want.stderr).toBe("");
      for (const trace of ["none", "instruction"] as const) {
        const { result, heap } = runDetailed(source, { filename: fname, trace });
        expect(result.stdout).toBe(want.stdout);
        expect(result.stderr).toBe(want.stderr);
        expect(heap.leaked).toEqual([]);
        expect(heap.check).toEqual({ ok: true });
      }
    });
  }
});
