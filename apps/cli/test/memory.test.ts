// `pyheap run --memory`: the per-type lines on stderr count what the program really allocated and freed.
// Programs are built so that the numbers follow from the source; for classes of the program, python3
// itself (gc.get_objects at the end) confirms how many instances are still alive.
import { execFileSync, spawnSync } from "node:child_process";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { program, pyheap } from "./helpers.js";

const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** The summary's per-type rows: type → [allocated, freed]. */
function perType(stderr: string): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>();
  const at = stderr.indexOf("pyheap memory summary");
  expect(at).toBeGreaterThanOrEqual(0);
  for (const m of stderr.slice(at).matchAll(/^ {2}(\S+) +([\d,]+) +([\d,]+)$/gm)) {
    rows.set(m[1]!, [Number(m[2]!.replace(/,/g, "")), Number(m[3]!.replace(/,/g, ""))]);
  }
  return rows;
}

/** How many instances of each named class python3 still holds when the program ends. */
function pythonAlive(file: string, classes: string[]): Record<string, number> {
  const probe = `\nimport gc as _gc\nprint({n: sum(type(o).__name__ == n for o in _gc.get_objects()) for n in ${JSON.stringify(classes)}})\n`;
  const r = spawnSync(PYTHON, ["-c", `exec(compile(open(${JSON.stringify(basename(file))}).read() + ${JSON.stringify(probe)}, ${JSON.stringify(basename(file))}, "exec"))`], {
    cwd: dirname(file),
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  const last = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(last.replace(/'/g, '"')) as Record<string, number>;
}

describe("pyheap run --memory counts objects by type", () => {
  it("a program that makes three lists and frees two", () => {
    const file = program("a = [1]\nb = [2]\nc = [3]\ndel a, b\n");
    const r = pyheap(["run", "--memory", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(perType(r.stderr).get("list")).toEqual([3, 2]);
  });

  it("instances of a class: made in a comprehension, some deleted, as python3 leaves them", () => {
    const file = program("class Node:\n    pass\nnodes = [Node() for _ in range(10)]\ndel nodes[:4]\nprint(len(nodes))\n");
    const r = pyheap(["run", "--memory", file]);
    expect(r.stdout).toBe("6\n");
    const node = perType(r.stderr).get("Node")!;
    expect(node).toEqual([10, 4]);
    expect(node[0] - node[1]).toBe(pythonAlive(file, ["Node"]).Node);
  });

  it("cycles freed by gc.collect() count as freed, survivors do not", () => {
    const src = [
      "import gc",
      "class Ring:",
      "    def __init__(self):",
      "        self.me = self",
      "class Keep:",
      "    pass",
      "for i in range(7):",
      "    Ring()",
      "kept = [Keep(), Keep()]",
      "print(gc.collect())",
      "",
    ].join("\n");
    const file = program(src);
    const r = pyheap(["run", "--memory", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("7\n");
    const rows = perType(r.stderr);
    expect(rows.get("Ring")).toEqual([7, 7]);
    expect(rows.get("Keep")).toEqual([2, 0]);
    const alive = pythonAlive(file, ["Ring", "Keep"]);
    expect(alive).toEqual({ Ring: 0, Keep: 2 });
  });

  it("objects reused from a free list count as new objects, parked ones as freed", () => {
    // each `[]` after the first comes back from the list free list where the previous one was parked
    const file = program("for i in range(5):\n    x = []\n");
    const rows = perType(pyheap(["run", "--memory", file]).stderr);
    expect(rows.get("list")).toEqual([5, 4]);
  });

  it("says how many allocations and frees it missed when one instruction overflows the event ring", () => {
    // list(range(300000)) makes 299,743 ints (257 and up) in one instruction; del x frees them in another
    const r = pyheap(["run", "--memory", program("x = list(range(300000))\ndel x\n")]);
    const m = /^ {2}\(([\d,]+) allocations and frees not counted: one instruction made more than the event ring holds\)$/m.exec(r.stderr);
    expect(m).not.toBeNull();
    const missed = Number(m![1]!.replace(/,/g, ""));
    const [allocated, freed] = perType(r.stderr).get("int")!;
    expect(allocated + freed + missed).toBeGreaterThanOrEqual(2 * 299_743);
    expect(allocated).toBeLessThan(299_743);
  });

  it("without --memory there is no summary", () => {
    const r = pyheap(["run", program("x = [1]\n")]);
    expect(r.stderr).toBe("");
  });
});
