/**
 * Session: materialising a step from the nearest keyframe equals replaying every delta from the start,
 * in any order of jumps; and the Python Tutor export of the same traces.
 */
import { describe, expect, test } from "vitest";
import { run, Session, toPythonTutor, type HeapObject, type Trace } from "../src/index.js";
import { python3Json } from "./trace-helpers.js";

/** The heap after each step, by replaying all deltas from step 0 (no keyframes). */
function replayAll(trace: Trace): Map<number, HeapObject>[] {
  const heap = new Map<number, HeapObject>();
  const out: Map<number, HeapObject>[] = [];
  for (const s of trace.steps) {
    for (const r of s.delta.removed) heap.delete(r);
    for (const o of s.delta.upsert) heap.set(o.serial, o);
    out.push(new Map(heap));
  }
  return out;
}

const PROGRAM = [
  "import gc",
  "class Node:",
  "    def __init__(self, v):",
  "        self.v = v",
  "        self.next = None",
  "nodes = []",
  "for i in range(40):",
  "    n = Node(i)",
  "    if nodes:",
  "        n.next = nodes[-1]",
  "    nodes.append(n)",
  "    if i % 7 == 0:",
  "        nodes[0].next = n",
  "d = {str(i): [i] for i in range(10)}",
  "d['3'].append(99)",
  "del nodes",
  "gc.collect()",
  "s = 'x' * 3",
].join("\n");

describe("Session", () => {
  const trace = run(PROGRAM, { trace: "line", gcThreshold: [25, 3, 3] }).trace!;
  const replay = replayAll(trace);

  test("the program is long enough to have several keyframes", () => {
    expect(trace.keyframeInterval).toBeGreaterThan(0);
    expect(trace.keyframes.length).toBeGreaterThan(2);
    // every multiple of the interval is a keyframe (more may come between where steps change much)
    const steps = trace.keyframes.map((k) => k.step);
    for (let i = 0; i < trace.steps.length; i += trace.keyframeInterval) expect(steps).toContain(i);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  test("every keyframe equals the replay of all deltas up to it", () => {
    for (const k of trace.keyframes) {
      const objects = new Map(k.objects.map((o) => [o.serial, o]));
      expect(objects).toEqual(replay[k.step]);
    }
  });

  test("step(i) equals the replay, jumping forward, backward and at random", () => {
    const session = new Session(trace);
    const order = [...trace.steps.keys()];
    const jumps = [...order, ...order.slice().reverse()];
    let x = 12345;
    for (let k = 0; k < 200; k++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      jumps.push(x % trace.steps.length);
    }
    for (const i of jumps) expect(session.step(i).heap).toEqual(replay[i]);
  });

  test("next/prev/first/last move the position and clamp at the ends", () => {
    const session = new Session(trace);
    expect(session.length).toBe(trace.steps.length);
    expect(session.first().index).toBe(0);
    expect(session.prev().index).toBe(0);
    expect(session.next().index).toBe(1);
    expect(session.last().index).toBe(trace.steps.length - 1);
    expect(session.next().index).toBe(trace.steps.length - 1);
    expect(session.position).toBe(trace.steps.length - 1);
  });

  test("stdout accumulates up to the step", () => {
    const session = Session.run("print(1)\nprint(2)\nx = 3\n");
    expect(session.step(0).stdout).toBe("");
    expect(session.step(2).stdout).toBe("1\n2\n");
    expect(session.last().stdout).toBe(run("print(1)\nprint(2)\nx = 3\n").stdout);
  });

  test("every referent of a materialised object names an object of the same step, or an immortal one's", () => {
    const session = new Session(trace);
    for (let i = 0; i < session.length; i += 7) {
      const heap = session.step(i).heap;
      for (const o of heap.values()) {
        if (o.immortalish) continue;
        for (const r of o.referents) expect(heap.has(r.serial)).toBe(true);
      }
    }
  });
});

describe("keyframes where steps change much", () => {
  // each line makes or frees about a thousand records: far more than 100 steps of small changes
  const BIG = ["a = list(range(1000, 2000))", "del a"];
  const src = [...Array.from({ length: 5 }, () => BIG).flat(), "b = [[i] for i in range(300)]", "c = 1"].join("\n");
  const trace = run(src, { trace: "line" }).trace!;
  const replay = replayAll(trace);
  const size = (i: number): number => trace.steps[i]!.delta.upsert.length + trace.steps[i]!.delta.removed.length;

  test("come before the interval, and a step replays a bounded number of records from its keyframe", () => {
    expect(trace.steps.length).toBeLessThan(trace.keyframeInterval * 20);
    const keys = new Set(trace.keyframes.map((k) => k.step));
    expect([...keys].some((k) => k % trace.keyframeInterval !== 0)).toBe(true);
    const picture = Math.max(...trace.keyframes.map((k) => k.objects.length));
    let work = 0;
    for (let i = 0; i < trace.steps.length; i++) {
      if (keys.has(i)) work = 0;
      else {
        // the records replayed before step i's own delta stay under the recorder's budget
        expect(work).toBeLessThanOrEqual(Math.max(2000, 2 * picture) + size(i - 1));
        work += size(i);
      }
    }
  });

  test("each keyframe equals the replay of all deltas, and a session materialises every step as the replay", () => {
    for (const k of trace.keyframes) expect(new Map(k.objects.map((o) => [o.serial, o]))).toEqual(replay[k.step]);
    const session = new Session(trace);
    for (let i = trace.steps.length - 1; i >= 0; i -= 3) expect(session.step(i).heap).toEqual(replay[i]);
  });
});

describe("toPythonTutor", () => {
  test("the blog's list: one heap entry shared across steps, strings inline, stdout", () => {
    const src = "mutable = ['Hello']\nmutable.append('World')\nprint(mutable)\n";
    const pt = toPythonTutor(run(src, { trace: "line" }).trace!);
    expect(pt.code).toBe(src);
    expect(pt.trace.map((s) => s.line)).toEqual([1, 2, 3, 3]);
    expect(pt.trace[0]!.ordered_globals).toEqual([]);
    const ref1 = pt.trace[1]!.globals["mutable"] as ["REF", number];
    const ref2 = pt.trace[2]!.globals["mutable"] as ["REF", number];
    expect(ref1[0]).toBe("REF");
    expect(ref2).toEqual(ref1);
    expect(pt.trace[1]!.heap[String(ref1[1])]).toEqual(["LIST", "Hello"]);
    expect(pt.trace[2]!.heap[String(ref2[1])]).toEqual(["LIST", "Hello", "World"]);
    const out = python3Json<string>(`import io, contextlib, json\nb = io.StringIO()\nwith contextlib.redirect_stdout(b):\n    exec(${JSON.stringify(src)})\nprint(json.dumps(b.getvalue()))`);
    expect(pt.trace[3]!.stdout).toBe(out);
    expect(pt.trace[3]!.event).toBe("return");
  });

  test("function frames go to stack_to_render, instances with their attributes", () => {
    const src = "class P:\n    def __init__(self, x):\n        self.x = x\ndef f(a):\n    p = P(a)\n    return p\nq = f(5)\n";
    const pt = toPythonTutor(run(src, { trace: "line" }).trace!);
    const inF = pt.trace.find((s) => s.stack_to_render.length === 1 && s.stack_to_render[0]!.func_name === "f" && "p" in s.stack_to_render[0]!.encoded_locals)!;
    expect(inF.stack_to_render[0]!.ordered_varnames).toEqual(["a", "p"]);
    expect(inF.stack_to_render[0]!.encoded_locals["a"]).toBe(5);
    const p = inF.stack_to_render[0]!.encoded_locals["p"] as ["REF", number];
    expect(inF.heap[String(p[1])]).toEqual(["INSTANCE", "P", ["x", 5]]);
  });

  test("an uncaught exception is the last step's event", () => {
    const pt = toPythonTutor(run("x = 1\nraise KeyError('k')\n", { trace: "line" }).trace!);
    const last = pt.trace[pt.trace.length - 1]!;
    expect(last.event).toBe("uncaught_exception");
    expect(last.exception_msg).toBe("KeyError: 'k'");
  });
});
