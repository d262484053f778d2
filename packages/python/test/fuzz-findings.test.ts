/**
 * Differences the differential fuzzer (tools/fuzz) found, each fixed: every program runs in real python3
 * and in `run()`; stdout and stderr must match byte for byte and the heap must be leak-free and
 * consistent afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { runDetailed } from "../src/index.js";


const runCpython = cpythonRunner("pyheap-fuzz-findings-");
const cpython = (name: string, source: string, seed: string) => runCpython(name, source, { PYTHONHASHSEED: seed });

const cases: [string, string][] = [
  [
    "empty-str-hash: an empty str or bytes hashes to 0",
    `class S(str):
    pass
class B(bytes):
    pass
print(hash(''), hash(b''), hash(S('')), hash(B(b'')), hash(''.join([])), hash(('',)) == hash((0,)))
print(list(set(['', 0])), list(set([0, ''])), list({'': 1, 0: 2}), list(set([b'', 0])))
s = {0, 'x'}
s.add('')
print(len(s), '' in s, 0 in s, sorted(s, key=repr))
d = {'': 'empty'}
print(d[''], d.get(''[0:0]), {0: 'zero'}.get(''))
print(hash('a') == hash('a'), hash('') == hash(0))
`,
  ],
  [
    "dict |= takes what dict.update takes: pairs, mappings with keys(), and its errors",
    `d = {'a': 1}
alias = d
d |= [('z', 0)]
print(d, d is alias)
d |= (('b', 2), ['c', 3])
d |= zip('xy', range(2))
print(d)
class M:
    def keys(self):
        return ['k']
    def __getitem__(self, k):
        return k * 2
d |= M()
print(d)
class R:
    def __ror__(self, other):
        return 'ror'
    def __iter__(self):
        return iter([('r', 1)])
d |= R()
print(d, d is alias, {'q': 1} | R())
class Sub(dict):
    pass
s = Sub(a=1)
s |= [('b', 2)]
print(type(s).__name__, s)
for bad in ([('y', 1)], 5, {1, 2}, [(1, 2, 3)], 'ab', [[1]], [('ok', 1), 7]):
    e = dict(d)
    try:
        e |= bad
        print(len(e))
    except Exception as exc:
        print(type(exc).__name__, exc, len(e))
try:
    d | [('q', 1)]
except TypeError as exc:
    print(exc)
`,
  ],
  [
    "generator-del-finally: a suspended generator that dies is closed, its finally blocks run then",
    `import gc
def gen(t):
    try:
        yield 1
        yield 2
    finally:
        print('finally', t)
g = gen('a'); next(g); del g; print('after a')
g = gen('b'); del g; print('after b')
g = gen('c'); next(g); g = None; print('after c')
def f():
    g = gen('d'); next(g)
f(); print('after f')
g = gen('e'); next(g); l = [g]; l.append(l); del g, l; print('before collect'); print(gc.collect()); print('after e')
def bad():
    try:
        yield 1
    except GeneratorExit:
        print('caught')
        return
g = bad(); next(g); del g; print('end')
g = gen('shutdown'); next(g)
def outer():
    def inner():
        try:
            yield 'x'
        finally:
            print('inner finally', sum(range(4)))
    it = inner()
    return next(it)
print(outer())
r = (gen(i) for i in range(2))
g2 = next(r)
next(g2)
del r, g2
print('genexpr done')
`,
  ],
];

describe("fuzzer findings: run() against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-") + ".py";
      const want = cpython(fname, source, "0");
      expect(want.stderr).toBe("");
      // the programs print nothing that depends on CPython's hash seed
      expect(cpython(fname, source, "12345")).toEqual(want);
      const { result, heap } = runDetailed(source, { filename: fname, trace: "none" });
      expect(result.stdout).toBe(want.stdout);
      expect(result.stderr).toBe(want.stderr);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    });
  }
});
