/**
 * The recorder keeps what it knows of an object by its address, and the allocator hands a freed block out
 * again at once: a new object at a freed object's address must get its own serial and record, and a
 * borrowed object that no own object references any more must leave the picture, also when the same
 * address or object comes back many times. A step that makes or frees more objects than the event ring
 * holds is resynchronised by a heap walk, which must find the new objects at reused addresses too.
 * The reprs expected are python3's.
 */
import { describe, expect, test } from "vitest";
import { run, Session, type HeapObject } from "../src/index.js";
import { python3Json, stepAtLine } from "./trace-helpers.js";

const SRC = [
  "box = []",
  "for i in range(6):",
  "    box.append(len)",
  "    t = [1000 + i, 'x' * i]",
  "    box.clear()",
  "    t = None",
  "x = list(map(str, range(1000, 281000)))",
  "del x",
  "box.append(len)",
  "y = [[1000 + i] for i in range(3)]",
  "z = 0",
].join("\n");

/** The records of the picture at step i, by serial. */
const heapAt = (session: Session, i: number) => session.step(i).heap;

describe("objects at reused addresses", () => {
  // (a generous time limit: the steps past the ring walk the heap, slow on a loaded machine)
  const result = run(SRC + "\n", { trace: "line", limits: { maxTraceSteps: 2000, timeoutMs: 600_000 } });
  const trace = result.trace!;
  const session = new Session(trace);
  const lines = SRC.split("\n");
  const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;

  test("a borrowed object leaves the picture each time its last own referrer lets go of it", () => {
    expect(result.outcome.status).toBe("ok");
    let shown = 0;
    let hidden = 0;
    trace.steps.forEach((s, i) => {
      if (s.line >= lineOf("x = ")) return;
      const fn = [...heapAt(session, i).values()].filter((o) => o.repr === "<built-in function len>");
      if (s.line === lineOf("    box.clear()")) {
        // box holds it (no frame names it)
        expect(fn.length, `step ${i}`).toBe(1);
        shown++;
      } else if (s.line === lineOf("    box.append")) {
        // box.clear() ran a step or more before: nothing of the program's references it (a borrowed object
        // is re-examined at the step after the one that let go of it)
        expect(fn.length, `step ${i}`).toBe(0);
        hidden++;
      }
    });
    expect([shown, hidden]).toEqual([6, 6]);
    expect([...heapAt(session, stepAtLine(trace, lineOf("z = 0"))).values()].filter((o) => o.repr === "<built-in function len>").length).toBe(1);
  });

  test("each list made at a freed list's address is a new object with its own record", () => {
    const expected = python3Json<string[]>(
      "import json\nout = []\nfor i in range(6):\n    out.append(repr([1000 + i, 'x' * i]))\nprint(json.dumps(out))",
    );
    const seen: string[] = [];
    const serials = new Set<number>();
    const ids = new Set<string>();
    trace.steps.forEach((s, i) => {
      if (s.line !== lineOf("    t = None")) return;
      const t = s.frames[0]!.locals.find((l) => l.name === "t")!;
      serials.add(t.serial);
      ids.add(t.id);
      seen.push(heapAt(session, i).get(t.serial)!.repr);
    });
    expect(seen).toEqual(expected);
    expect(serials.size).toBe(6);
    // (the case: addresses were handed out again)
    expect(ids.size).toBeLessThan(6);
  });

  test("after an event ring overflow, the picture holds the objects made at reused addresses", () => {
    const expected = python3Json<{ n: number; y: string; items: string[] }>(
      "import json\nx = list(map(str, range(1000, 281000)))\ny = [[1000 + i] for i in range(3)]\n" +
        "print(json.dumps({'n': len(x), 'y': repr(y), 'items': [repr(v) for v in y]}))",
    );
    const digits = (o: HeapObject) => o.type === "str" && /^'\d+'$/.test(o.repr);
    // the step after x's line made more objects than the ring holds: every str of x is in the picture
    const afterX = heapAt(session, stepAtLine(trace, lineOf("del x")));
    expect([...afterX.values()].filter(digits).length).toBe(expected.n);
    // after del x (the ring overflowed again) none is left, and y's objects, made after, are in the picture
    const step = stepAtLine(trace, lineOf("z = 0"));
    const last = heapAt(session, step);
    expect([...last.values()].filter(digits).length).toBe(0);
    const y = last.get(trace.steps[step]!.frames[0]!.locals.find((l) => l.name === "y")!.serial)!;
    expect(y.repr).toBe(expected.y);
    expect(y.referents.map((r) => last.get(r.serial)!.repr)).toEqual(expected.items);
  });
});
