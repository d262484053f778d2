/**
 * list.sort() as CPython 3.11's timsort (a difference the differential fuzzer found): the same `<` calls
 * in the same order (runs, binary insertion, powersort merges, galloping), and a comparison that raises
 * leaves the partial order CPython leaves. Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-timsort-");

describe("list.sort", () => {
  it("asks the same comparisons as CPython and leaves the same partial order on an error", () => {
    expectSameAsPython(cpython, "list-sort-timsort", `log = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
seed = 7
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
for trial in range(60):
    n = rnd(400) if trial % 3 else rnd(70)
    mode = trial % 4
    if mode == 0:
        vals = [rnd(1000) for i in range(n)]
    elif mode == 1:
        vals = [rnd(5) for i in range(n)]
    elif mode == 2:
        vals = list(range(n)); 
        for i in range(n // 10):
            j = rnd(n); k = rnd(n); vals[j], vals[k] = vals[k], vals[j]
    else:
        vals = [i // 7 if rnd(3) else -i for i in range(n, 0, -1)]
    log.clear()
    ks = [K(v) for v in vals]
    ks.sort(reverse=(trial % 5 == 0))
    print(n, len(log), hash(tuple(log)), [k.v for k in ks[:5]])
k = [7, 7, 2, 'z']
try:
    k.sort()
except TypeError as e:
    print(e)
print(k)
for n in (10, 70, 150):
    vals = [rnd(100) for i in range(n)]
    vals[rnd(n)] = 'x'
    try:
        vals.sort()
    except TypeError as e:
        print(e)
    print(vals)
    vals = [rnd(100) for i in range(n)]
    vals[rnd(n)] = 'x'
    try:
        vals.sort(reverse=True)
    except TypeError as e:
        print(e)
    print(vals)
print(sorted([3, 1, 2], key=lambda x: -x), sorted('hello'), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
`);
  });
});
