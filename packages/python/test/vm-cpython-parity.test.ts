/** Small differences from CPython 3.11.7 found by comparison, each checked against python3's own output. */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { jitEnabled, jitThreshold, setJitEnabled, setJitThreshold } from "../src/jit/compile.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-parity-");

describe("type.__subclasses__", () => {
  it("lists only live subclasses when dead subclasses' blocks are reused", () => {
    expectSameAsPython(cpython, "subclasses-after-death", corpusCase("language/05-subclasses-after-death.py"));
  });

  it("ignores a dead subclass whose block now holds an instance or a metaclass-made class", () => {
    expectSameAsPython(
      cpython,
      "subclasses-reuse-mixed",
      `import gc
class M(type): pass
class A: pass
out = []
for i in range(30):
    B = M("B%d" % i, (A,), {})
    del B
    gc.collect()
    objs = [A() for _ in range(5)] + [M("K", (), {}) for _ in range(3)]
    out.append(len(A.__subclasses__()))
print(out)
keep = [M("S%d" % i, (A,), {}) for i in range(4)]
print([c.__name__ for c in A.__subclasses__()], type(keep[0]).__name__)
del keep[1]
gc.collect()
print([c.__name__ for c in A.__subclasses__()])
`,
    );
  });
});

describe("reversed(range)", () => {
  it("is a range_iterator (longrange_iterator past a C long) of CPython's size, walking back", () => {
    expectSameAsPython(cpython, "reversed-range-iterators", corpusCase("heap/06-reversed-range-iterators.py"));
  });

  it("walks back the same way in compiled code", () => {
    const src = corpusCase("heap/06-reversed-range-iterators.py");
    const want = cpython("reversed-range-jit.py", src);
    const was = jitEnabled();
    const saved = jitThreshold();
    setJitEnabled(true);
    setJitThreshold(1);
    try {
      const { result, heap } = runDetailed(src, { filename: "reversed-range-jit.py" });
      expect(result.stdout).toBe(want.stdout);
      expect(heap.leaked).toEqual([]);
    } finally {
      setJitEnabled(was);
      setJitThreshold(saved);
    }
  });
});

describe("iterator sizes", () => {
  it("callable_iterator's sys.getsizeof and built-in iterators' __sizeof__ are CPython's", () => {
    expectSameAsPython(cpython, "callable-iterator-size", corpusCase("heap/07-callable-iterator-size.py"));
  });
});

describe("weakref reprs", () => {
  it("name the target after its address when its type gives it a str __name__, as python3", () => {
    expectSameAsPython(cpython, "weakref-repr-names", corpusCase("weakref/03-repr-names.py"));
  });
});
