/**
 * gc.garbage under DEBUG_SAVEALL: the collector holds its own reference to the list it appends to, so
 * rebinding or deleting the module's name (or the teardown wiping the module) never leaves it writing into
 * a freed list; the teardown releases the list and the debug flag, so objects saved there are freed at the
 * end, also when a step limit stops the program with the flag still on.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-gc-garbage-");

const REBOUND = `import gc
gc.set_debug(gc.DEBUG_SAVEALL)
kept = gc.garbage
gc.garbage = []
l = [1]
l.append(l)
del l
print(gc.collect(), len(kept), gc.garbage)
del kept
m = [2]
m.append(m)
del m
print(gc.collect(), gc.garbage)
del gc.garbage
n = [3]
n.append(n)
del n
print(gc.collect(), [[i] for i in range(5)])
gc.set_debug(0)
print(gc.collect())
`;

const SAVEALL_AT_EXIT = `import gc
gc.set_debug(gc.DEBUG_SAVEALL)
class Node:
    def __del__(self):
        print("del", self.name)
a = Node()
a.name = "a"
a.me = a
b = [a]
b.append(b)
del a, b
print("end")
`;

describe("gc.garbage with DEBUG_SAVEALL", () => {
  it("keeps the collector's list when the module's name is rebound or deleted", () => {
    expectSameAsPython(cpython, "rebound.py", REBOUND);
  });

  it("frees what the teardown's collections saved, as python3 prints", () => {
    expectSameAsPython(cpython, "saveall_at_exit.py", SAVEALL_AT_EXIT);
  });

  it("leaves a clean heap at every step count with the flag on", () => {
    const source = SAVEALL_AT_EXIT.replace('print("end")\n', "while True:\n    pass\n");
    const bad: [number, string, number][] = [];
    for (let k = 1; k <= 80; k++) {
      const { result, heap } = runDetailed(source, { limits: { maxSteps: k } }, { check: true });
      if (result.outcome.status !== "limit" || heap.leaked.length || !heap.check.ok) bad.push([k, result.outcome.status, heap.leaked.length]);
    }
    expect(bad).toEqual([]);
  });
});
