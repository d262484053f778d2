/**
 * `str(x)` at a call site of quickened code runs as 3.11's PRECALL_NO_KW_STR_1, which makes no argument
 * tuple, whatever its argument: seen through the collector's count (the first tuple after a full collection
 * is a fresh block, counted while it waits on the free list) and the collections it starts. Code not yet
 * quickened and a site that called something else first keep the general path; a specialised site stays
 * through a few misses. Compared with python3, untraced and line-traced.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-str-call-site-");

const LOG = `import gc
gc.set_threshold(60)
def starts(log):
    return [(i, c) for i, c in enumerate(log) if i == 0 or c < log[i - 1]][:4]
`;

describe("str(x) as PRECALL_NO_KW_STR_1", () => {
  it("no argument tuple once the code is quickened: collector counts and collections as python3's", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "str-call-site",
      `${LOG}def f(n):
    log = []
    keep = []
    for i in range(n):
        keep.append([])
        s = str(i)
        log.append(gc.get_count()[0])
    return log
gc.collect()
first = f(200)
print("first call", starts(first), first[:10])
gc.collect()
print("quickened", starts(f(200)))
def g(x):
    return str(x)
for k in range(20):
    g(k)
gc.collect()
c0 = gc.get_count()[0]
print(g(7), g(300), g(-2 ** 40), g(2 ** 70), g(True), g("s"), g(1.5), gc.get_count()[0] - c0)
`,
    );
  });

  it("a site that called something else first keeps the general path; misses; a shadowed str; subclasses", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "str-call-site-mixed",
      `${LOG}def conv(fn, x):
    return fn(x)
for k in range(30):
    conv(len, "abc")
gc.collect()
c0 = gc.get_count()[0]
print(conv(str, 5), gc.get_count()[0] - c0)
def later(fn, x):
    return fn(x)
for k in range(30):
    later(str, k)
later(repr, 1)
gc.collect()
c0 = gc.get_count()[0]
print(later(str, 5), gc.get_count()[0] - c0)
def shadow(n):
    str = repr
    return [str(i) for i in range(n)]
print(shadow(12)[-2:])
class I(int):
    def __str__(self):
        return "I!"
def h(x):
    return str(x)
for k in range(20):
    h(k)
print(h(I(4)), h(4))
`,
    );
  });
});
