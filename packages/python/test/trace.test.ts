/**
 * The trace recorder against python3: ids, refcounts, frees and collections as the program itself sees
 * them, plus the structure of steps (frames, output, limits, instruction steps).
 */
import { describe, expect, test } from "vitest";
import { run, Session, type TraceEvent } from "../src/index.js";
import { binding, objectAt, python3Json, stepAtLine } from "./trace-helpers.js";

const BLOG = "mutable = ['Hello']\nmutable.append('World')\nprint(mutable)\n";

describe("the blog's mutable list", () => {
  const r = run(BLOG, { trace: "line" });
  const trace = r.trace!;
  // python3: the list's id before and after append, and its refcount (getrefcount minus its argument)
  const py = python3Json<{ same: boolean; rc: [number, number] }>(
    "import sys, json\nmutable = ['Hello']\na = (id(mutable), sys.getrefcount(mutable) - 1)\nmutable.append('World')\n" +
      "b = (id(mutable), sys.getrefcount(mutable) - 1)\nprint(json.dumps({'same': a[0] == b[0], 'rc': [a[1], b[1]]}))",
  );

  test("the program runs as untraced", () => {
    expect(r.stdout).toBe(run(BLOG).stdout);
    expect(r.outcome).toEqual({ status: "ok" });
  });

  test("one step per executed line, then a last step after the module body", () => {
    expect(trace.steps.map((s) => s.line)).toEqual([1, 2, 3, 3]);
    expect(trace.steps.map((s) => s.kind)).toEqual(["line", "line", "line", "return"]);
    expect(trace.steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(trace.steps[3]!.stdout).toBe(r.stdout);
  });

  test("append keeps the list's id and serial, as python3 reports", () => {
    const before = objectAt(trace, stepAtLine(trace, 2), "mutable");
    const after = objectAt(trace, stepAtLine(trace, 3), "mutable");
    expect(before.id === after.id).toBe(py.same);
    expect(after.serial).toBe(before.serial);
    expect(before.repr).toBe("['Hello']");
    expect(after.repr).toBe("['Hello', 'World']");
    expect(after.referents.map((x) => x.label)).toEqual(["[0]", "[1]"]);
  });

  test("the list's refcount is python3's", () => {
    expect(objectAt(trace, stepAtLine(trace, 2), "mutable").refcount).toBe(py.rc[0]);
    expect(objectAt(trace, stepAtLine(trace, 3), "mutable").refcount).toBe(py.rc[1]);
  });

  test("the list is tracked in generation 0 and sized as sys.getsizeof says", () => {
    const size = python3Json<number[]>("import sys, json\nm = ['Hello']\na = sys.getsizeof(m)\nm.append('World')\nprint(json.dumps([a, sys.getsizeof(m)]))");
    const before = objectAt(trace, stepAtLine(trace, 2), "mutable");
    const after = objectAt(trace, stepAtLine(trace, 3), "mutable");
    expect([before.size, after.size]).toEqual(size);
    expect(before.generation).toBe(0);
    expect(before.gcType).toBe(true);
  });

  test("the step after the list's line records its allocation", () => {
    const list = objectAt(trace, 1, "mutable");
    const allocs = trace.steps[1]!.events.filter((e): e is Extract<TraceEvent, { kind: "alloc" }> => e.kind === "alloc");
    expect(allocs.some((e) => e.serial === list.serial && e.type === "list")).toBe(true);
  });
});

describe("refcounts of every named object equal what the program sees", () => {
  test("sys.getrefcount inside the traced run agrees with the trace", () => {
    const src = "import sys\na = [1, 2]\nb = a\nc = {'k': a}\nr = sys.getrefcount(a) - 1\nprint(r)\n";
    const res = run(src, { trace: "line" });
    const seen = Number(res.stdout.trim());
    expect(objectAt(res.trace!, stepAtLine(res.trace!, 5), "a").refcount).toBe(seen);
    // and python3 agrees on the number
    expect(seen).toBe(Number(python3Json<number>("import sys, json\na = [1, 2]\nb = a\nc = {'k': a}\nprint(json.dumps(sys.getrefcount(a) - 1))")));
  });
});

describe("an int rebound by n += 1", () => {
  const src = "n = int('1000')\nn += 1\nprint(n)\n";
  const trace = run(src, { trace: "line" }).trace!;
  const py = python3Json<{ same: boolean }>("import json\nn = int('1000')\na = id(n)\nn += 1\nprint(json.dumps({'same': a == id(n)}))");

  test("gets a new object, as in python3, and the old one is freed", () => {
    const i2 = stepAtLine(trace, 2);
    const i3 = stepAtLine(trace, 3);
    const before = objectAt(trace, i2, "n");
    const after = objectAt(trace, i3, "n");
    expect(before.serial === after.serial).toBe(py.same);
    expect(after.repr).toBe("1001");
    const step = trace.steps[i3]!;
    expect(step.events).toContainEqual({ kind: "free", id: before.id, serial: before.serial, type: "int", by: "refcount" });
    expect(step.delta.removed).toContain(before.serial);
  });
});

describe("a reference cycle", () => {
  const src = ["import gc", "a = []", "b = [a]", "a.append(b)", "del a, b", "n = gc.collect()", "print(n)"].join("\n");
  const res = run(src, { trace: "line" });
  const trace = res.trace!;
  const expected = python3Json<number>(src.replace("print(n)", "import json\nprint(json.dumps(n))"));

  test("gc.collect() returns what python3 returns", () => {
    expect(Number(res.stdout.trim())).toBe(expected);
  });

  test("the collection shows as gc-start, phases and gc-end with python3's count", () => {
    const i = stepAtLine(trace, 7);
    const events = trace.steps[i]!.events;
    const start = events.find((e) => e.kind === "gc-start");
    const end = events.find((e): e is Extract<TraceEvent, { kind: "gc-end" }> => e.kind === "gc-end");
    expect(start).toMatchObject({ kind: "gc-start", generation: 2, automatic: false });
    expect(end?.collected).toBe(expected);
    const phases = events.filter((e) => e.kind === "gc-phase").map((e) => (e as { phase: string }).phase);
    expect(phases).toContain("subtract-refs");
    expect(phases).toContain("move-unreachable");
  });

  test("the cycle stays in the picture after del, then is freed by the collector", () => {
    const i9 = stepAtLine(trace, 6);
    const i10 = stepAtLine(trace, 7);
    const nodes = [...new Set(trace.steps.slice(0, i9 + 1).flatMap((s) => s.delta.upsert.filter((o) => o.type === "list").map((o) => o.serial)))];
    // after del, both lists are still there (garbage awaiting collection), named by nobody
    const session = new Session(trace);
    const view = session.step(i9);
    for (const s of nodes) expect(view.heap.get(s)?.refcount).toBe(1);
    expect(view.frames[0]!.locals.map((l) => l.name)).toEqual(["gc"]);
    expect(nodes).toHaveLength(2);
    const frees = trace.steps[i10]!.events.filter((e) => e.kind === "free" && nodes.includes(e.serial));
    expect(frees.map((e) => (e as { by: string }).by)).toEqual(["gc", "gc"]);
    expect(trace.steps[i10]!.delta.removed).toEqual(expect.arrayContaining(nodes));
    // the unreachable set of move-unreachable names both instances
    const move = trace.steps[i10]!.events.find((e) => e.kind === "gc-phase" && e.phase === "move-unreachable") as { unreachable?: { serial: number }[] };
    expect(move.unreachable?.map((u) => u.serial)).toEqual(expect.arrayContaining(nodes));
  });
});

describe("frames", () => {
  test("function frames list their locals innermost last; module frames hide dunders", () => {
    const src = "def f(x):\n    y = x + 1\n    return y\nz = f(41)\n";
    const trace = run(src, { trace: "line" }).trace!;
    const inF = trace.steps.find((s) => s.frames.length === 2 && s.line === 3)!;
    expect(inF.frames.map((f) => f.name)).toEqual(["<module>", "f"]);
    expect(inF.frames[1]!.locals.map((l) => l.name)).toEqual(["x", "y"]);
    expect(inF.frames[0]!.locals.map((l) => l.name)).toEqual(["f"]);
    const last = trace.steps[trace.steps.length - 1]!;
    expect(last.frames[0]!.locals.map((l) => l.name)).toEqual(["f", "z"]);
    expect(binding(last, "z")).toBeDefined();
  });

  test("small ints and None named by the program appear, flagged immortalish", () => {
    const trace = run("a = 5\nb = None\n", { trace: "line" }).trace!;
    const last = trace.steps.length - 1;
    expect(objectAt(trace, last, "a")).toMatchObject({ type: "int", repr: "5", immortalish: true });
    expect(objectAt(trace, last, "b")).toMatchObject({ type: "NoneType", immortalish: true });
  });

  test("builtins the program does not name stay out of the picture", () => {
    const trace = run("x = [1]\n", { trace: "line" }).trace!;
    const all = trace.steps.flatMap((s) => s.delta.upsert);
    expect(all.some((o) => o.repr === "<built-in function len>")).toBe(false);
    expect(all.some((o) => o.type === "type" && o.repr === "<class 'int'>")).toBe(false);
  });
});

describe("limits and modes", () => {
  test("maxTraceSteps stops the run with limit trace-size and keeps the trace so far", () => {
    const r = run("i = 0\nwhile True:\n    i += 1\n", { trace: "line", limits: { maxTraceSteps: 50 } });
    expect(r.outcome).toMatchObject({ status: "limit", limit: "trace-size" });
    expect(r.trace!.steps).toHaveLength(50);
    expect(r.trace!.outcome).toMatchObject({ status: "limit", limit: "trace-size" });
  });

  test("instruction steps carry opnames and value stacks", () => {
    const r = run("x = [1, 2]\n", { trace: "instruction" });
    const t = r.trace!;
    expect(t.granularity).toBe("instruction");
    const names = t.steps.filter((s) => s.kind === "instruction").map((s) => s.instruction!.opname);
    expect(names).toContain("BUILD_LIST");
    expect(names).toContain("STORE_NAME");
    const store = t.steps.find((s) => s.instruction?.opname === "STORE_NAME")!;
    expect(store.frames[0]!.stack).toHaveLength(1);
  });

  test("output is attributed to the step after the line that wrote it", () => {
    const r = run("print('a')\nprint('b')\n", { trace: "line" });
    expect(r.trace!.steps.map((s) => s.stdout)).toEqual(["", "a\n", "b\n"]);
  });

  test("an uncaught exception ends the trace with its traceback in the last step", () => {
    const r = run("x = 1\nraise ValueError('no')\n", { trace: "line" });
    const last = r.trace!.steps[r.trace!.steps.length - 1]!;
    expect(last.stderr).toContain("ValueError: no");
    expect(r.trace!.outcome).toMatchObject({ status: "exception", type: "ValueError" });
  });

  test("no trace without the option", () => {
    expect(run("x = 1\n").trace).toBeUndefined();
  });
});
