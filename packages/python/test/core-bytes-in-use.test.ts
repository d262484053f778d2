// Programs whose large blocks are handed out whole (a free block a little bigger than asked, the rest too
// small to split) and freed again many times: the heap's bytes-in-use count must come back each time (it
// drifted and wrapped, ending such a program in NO_MEMORY), and the heap check compares it with the
// used blocks. Outputs against python3.
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-bytes-in-use-");

describe("bytes in use over alloc/free pairs of large blocks", () => {
  it("strings filling holes one block bigger than asked, 100 rounds", () => {
    expectSameAsPython(cpython, "holes", `
n1 = 1000; n2 = 990
keep = ['k' * n1 for i in range(200)]
for i in range(0, 200, 2): keep[i] = None
for j in range(100):
    tmp = ['c' * n2 for i in range(100)]
    del tmp
print("ok")
`);
  });

  it("sizes varying round by round, lists and strings, and a str grown by += between them", () => {
    expectSameAsPython(cpython, "varying", `
import sys
keep = ['k' * 1500 for i in range(300)]
for i in range(0, 300, 3): keep[i] = None
grown = 'g' * 600
total = 0
for j in range(150):
    n = 1450 + (j * 7) % 50
    tmp = ['c' * n for i in range(60)]
    lists = [[None] * (180 + j % 9) for i in range(20)]
    grown += 'x' * 13
    total += sum(len(t) for t in tmp) + sum(len(l) for l in lists)
    del tmp, lists
print(total, len(grown), sys.getsizeof(grown), sys.getsizeof('c' * 1490))
`);
  });
});
