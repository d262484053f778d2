/**
 * Where automatic collections start: a collection runs inside the allocation that takes generation 0's
 * count past its threshold, so every GC allocation CPython makes — even one freed right away — must be
 * made at the same moment. Each program runs in real python3 and in `run()`; the gc counts it records
 * and the order finalizers run in must be python3's.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";


const cpython = cpythonRunner("pyheap-gc-trigger-");

const RING = `import gc
class Ring:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        log.append(self.n)
log = []
counts = []
`;

const PROGRAMS: [string, string][] = [
  [
    "format() with a spec binds __format__ (a transient GC object)",
    RING + `gc.collect()
gc.set_threshold(10)
for i in range(12):
    counts.append(gc.get_count())
    Ring(i)
    counts.append(gc.get_count())
    snapshot = list(log)
    counts.append(gc.get_count())
    print(f"ring {i:2} {snapshot}")
    counts.append(gc.get_count())
gc.set_threshold(700, 10, 10)
print(counts)
`,
  ],
  [
    "format() of floats, lists and instances, str.format of exact types",
    `import gc
class P:
    def __format__(self, spec):
        return "P" + spec
x, l, p = 2.5, [1], P()
c = []
gc.collect()
c.append(gc.get_count())
s = f"{x}"
c.append(gc.get_count())
s = f"{l}"
c.append(gc.get_count())
s = f"{p:>3}"
c.append(gc.get_count())
s = format(7, "3")
c.append(gc.get_count())
s = "{:5} {} {:>4}".format(7, 2.5, "ab")
c.append(gc.get_count())
s = "{} {:x}".format(p, p)
c.append(gc.get_count())
print(c)
`,
  ],
  [
    "str.format packs its arguments into a tuple and its keywords into a dict",
    `import gc
c = []
gc.collect()
c.append(gc.get_count())
s = "{:5} {} {:>4}".format(7, 2.5, "ab")
c.append(gc.get_count())
s = "{a} {b}".format(a=1, b=[2])
c.append(gc.get_count())
s = "{a} {b}".format(a=1, b=[2])
c.append(gc.get_count())
s = "{{}}".format()
c.append(gc.get_count())
print(c)
`,
  ],
  [
    "the first repr that enters Py_ReprEnter creates two GC objects",
    `import gc
c = []
t, e, d = (1, 2), [], {}
gc.collect()
c.append(gc.get_count())
s = repr(e)
c.append(gc.get_count())
s = repr(())
c.append(gc.get_count())
s = repr(d)
c.append(gc.get_count())
s = repr(t)
c.append(gc.get_count())
s = repr([1])
c.append(gc.get_count())
print(c)
`,
  ],
  [
    "print's first call builds its keyword-name tuple; each call packs its arguments",
    `import gc
c = []
gc.collect()
c.append(gc.get_count())
print("a")
c.append(gc.get_count())
print("a", "b")
c.append(gc.get_count())
print()
c.append(gc.get_count())
gc.collect()
c.append(gc.get_count())
print("a", "b", "c", sep="-")
c.append(gc.get_count())
print(c)
`,
  ],
  [
    "list(x) allocates the list before reading x",
    RING + `gc.collect()
gc.set_threshold(5)
src = []
for i in range(8):
    Ring(i)
    copy = list(log)
    counts.append((gc.get_count(), copy))
gc.set_threshold(700, 10, 10)
print(counts)
`,
  ],
];

describe("automatic collections start where python3's do", () => {
  for (const [name, source] of PROGRAMS) {
    it(name, () => expectSameAsPython(cpython, name, source, 40));
  }
});
