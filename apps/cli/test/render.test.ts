// The renderers on small traces built by hand in the published schema: what `trace`, `explain` and the
// REPL's :refs/:why say about rebinding, in-place changes, frees and collections.
import type { HeapObject, Trace, TraceEvent, TraceStep } from "@pyheap/python";
import { describe, expect, it } from "vitest";
import { colorsFor } from "../src/render/colors.js";
import { explainText } from "../src/render/explain-text.js";
import { shortId } from "../src/render/format.js";
import { pathsTo, referrersOf } from "../src/render/heap-query.js";
import { finalState, heapAt, walkTrace } from "../src/render/heap-state.js";
import { memorySummary } from "../src/render/memory.js";
import { traceText } from "../src/render/trace-text.js";

function object(serial: number, type: string, repr: string, extra: Partial<HeapObject> = {}): HeapObject {
  return {
    id: String(0x7f0000001000 + serial * 0x40),
    serial,
    type,
    repr,
    refcount: 1,
    generation: type === "list" ? 0 : null,
    gcType: type === "list",
    size: type === "list" ? 56 : 28,
    blockSize: 64,
    referents: [],
    ...extra,
  };
}

function step(index: number, line: number, locals: [string, number][], upsert: HeapObject[], removed: number[] = [], events: TraceEvent[] = [], stdout = ""): TraceStep {
  return {
    index,
    line,
    kind: "line",
    frames: [{ name: "<module>", line, locals: locals.map(([name, serial]) => ({ name, serial, id: String(0x7f0000001000 + serial * 0x40) })) }],
    stdout,
    stderr: "",
    delta: { upsert, removed },
    events,
    gc: { counts: [0, 0, 0], thresholds: [700, 10, 10], enabled: true, sizes: [0, 0, 0] },
    heapBytes: 0,
    liveObjects: 0,
  };
}

// 1 m = ['Hello'] / 2 m.append('World') / 3 n = 1000 / 4 n += 1 / 5 print(n)
const source = "m = ['Hello']\nm.append('World')\nn = 1000\nn += 1\nprint(n)\n";
const hello = object(1, "str", "'Hello'", { refcount: 2, immortalish: true });
const list1 = object(2, "list", "['Hello']", { referents: [{ label: "[0]", id: hello.id, serial: 1 }] });
const world = object(3, "str", "'World'", { refcount: 2, immortalish: true });
const list2 = { ...list1, repr: "['Hello', 'World']", size: 88, referents: [...list1.referents, { label: "[1]", id: world.id, serial: 3 }] };
const n1000 = object(4, "int", "1000");
const n1001 = object(5, "int", "1001");
const trace: Trace = {
  version: 1,
  source,
  filename: "demo.py",
  mode: "script",
  granularity: "line",
  keyframeInterval: 100,
  keyframes: [],
  outcome: { status: "ok" },
  steps: [
    step(0, 1, [], [hello]),
    step(1, 2, [["m", 2]], [list1], [], [{ kind: "alloc", id: list1.id, serial: 2, type: "list", size: 56 }]),
    step(2, 3, [["m", 2]], [world, list2]),
    step(3, 4, [["m", 2], ["n", 4]], [n1000]),
    step(4, 5, [["m", 2], ["n", 5]], [n1001], [4], [{ kind: "free", id: n1000.id, serial: 4, type: "int", by: "refcount" }]),
    step(5, 5, [["m", 2], ["n", 5]], [], [], [], "1001\n"),
  ],
};

describe("walkTrace", () => {
  it("pairs each line with the effects recorded at the next step", () => {
    const effects = [...walkTrace(trace)];
    expect(effects.map((e) => e.step.line)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(effects[0]!.bindings.map((b) => [b.name, b.after?.serial])).toEqual([["m", 2]]);
    expect(effects[1]!.changed.map((c) => c.after.repr)).toEqual(["['Hello', 'World']"]);
    expect(effects[3]!.freed.map((o) => o.serial)).toEqual([4]);
    expect(effects[4]!.stdout).toBe("1001\n");
  });

  it("materialises the heap at any step and at the end", () => {
    expect([...heapAt(trace, 3).keys()].sort()).toEqual([1, 2, 3, 4]);
    const end = finalState(trace);
    expect([...end.heap.keys()].sort()).toEqual([1, 2, 3, 5]);
    expect(end.frame?.locals.map((l) => l.name)).toEqual(["m", "n"]);
  });
});

describe("explainText", () => {
  const paragraphs = [...explainText(trace)];

  it("says a mutation keeps the id and a += on an int makes a new object and frees the old", () => {
    expect(paragraphs).toContain(`line 2: \`m.append('World')\` changes list ${shortId(list1.id)} in place (now ['Hello', 'World']); its id is unchanged.`);
    const line4 = paragraphs.find((p) => p.startsWith("line 4:"));
    expect(line4).toBe(
      `line 4: \`n += 1\` n now refers to a new int ${shortId(n1001.id)} 1001 (refcount 1); the old int ${shortId(n1000.id)}'s refcount falls to 0 and it is freed.`,
    );
    expect(paragraphs[paragraphs.length - 1]).toBe("The program finished normally after 6 steps.");
  });

  it("cuts to a step range", () => {
    const cut = [...explainText(trace, 3, 3)];
    expect(cut[0]).toMatch(/^line 4:/);
    expect(cut).toHaveLength(2);
  });

  it("tells why an automatic collection ran", () => {
    const gcTrace: Trace = {
      ...trace,
      steps: [
        step(0, 1, [], []),
        step(1, 2, [], [], [], [
          { kind: "gc-start", generation: 0, counts: [701, 0, 0], automatic: true },
          { kind: "gc-end", generation: 0, collected: 3, uncollectable: 0, counts: [0, 1, 0] },
          { kind: "promote", from: 0, to: 1, ids: [{ id: "1", serial: 9 }, { id: "2", serial: 10 }] },
        ]),
      ],
    };
    expect([...explainText(gcTrace)][0]).toBe(
      "line 1: `m = ['Hello']` allocation of a 701st tracked object: generation 0 exceeded its threshold 700; the collector ran on generation 0: 3 objects collected, 2 survivors moved to generation 1.",
    );
  });
});

describe("traceText", () => {
  it("shows each line with bindings, object details and events, without colour codes when off", () => {
    const text = [...traceText(trace, { colors: colorsFor({ isTTY: false }, {}) })].join("\n");
    expect(text).toContain("step 1  line 2  m.append('World')");
    expect(text).toContain(`    m bound to list ${shortId(list1.id)}  rc 1  gen 0  56 B  ['Hello']`);
    expect(text).toContain(`    n rebound to int ${shortId(n1001.id)}  rc 1  not gc  28 B  1001`);
    expect(text).toContain(`freed int ${shortId(n1000.id)} (refcount 0)`);
    expect(text).toContain('stdout "1001\\n"');
    expect(text).not.toMatch(/\x1b\[/);
  });

  it("colours only when asked, never with NO_COLOR", () => {
    const tty = { isTTY: true };
    expect([...traceText(trace, { colors: colorsFor(tty, { TERM: "xterm" }) })].join("\n")).toMatch(/\x1b\[/);
    expect([...traceText(trace, { colors: colorsFor(tty, { TERM: "xterm", NO_COLOR: "1" }) })].join("\n")).not.toMatch(/\x1b\[/);
  });
});

describe("heap queries", () => {
  it(":refs lists names and container slots that hold an object; :why the chains from names", () => {
    const end = finalState(trace);
    const refs = referrersOf(3, end.heap, end.frame).map((r) => ("name" in r.holder ? `name ${r.holder.name}` : `${r.holder.type} ${r.label}`));
    expect(refs).toEqual(["list [1]"]);
    const paths = pathsTo(3, end.heap, end.frame).map((p) => [p.root, p.path.map((s) => s.label)]);
    expect(paths).toEqual([["m", ["m", "[1]"]]]);
  });
});

describe("memorySummary", () => {
  const plain = colorsFor({ isTTY: false }, {});
  const stats = {
    steps: 1234,
    allocated: { int: 3, list: 5 },
    freed: { list: 5, tuple: 1 },
    peakHeapBytes: 40960,
    collections: [2, 1, 0] as [number, number, number],
    collected: [7, 0, 0] as [number, number, number],
    leaked: 0,
    wallMs: 12.4,
  };

  it("lists allocations and frees by type, most allocated first, and the collections", () => {
    expect(memorySummary(stats, plain)).toEqual([
      "pyheap memory summary",
      "  steps 1,234   wall 12 ms   peak heap 40,960 bytes",
      "  type   allocated      freed",
      "  (counted while the program ran: what the interpreter's shutdown frees is not in 'freed')",
      "  list           5          5",
      "  int            3          0",
      "  tuple          0          1",
      "  collections  gen 0: 2 (collected 7)   gen 1: 1 (collected 0)   gen 2: 0 (collected 0)   (shutdown's included)",
      "  leaked       nothing",
    ]);
  });

  it("says when nothing was allocated or freed, and names leaks", () => {
    const lines = memorySummary({ ...stats, allocated: {}, freed: {}, leaked: 2 }, plain);
    expect(lines).toContain("  (no objects allocated or freed)");
    expect(lines).toContain("  leaked       2 objects");
    expect(lines.some((l) => l.includes("not counted"))).toBe(false);
    expect(memorySummary({ ...stats, uncounted: 1234 }, plain)).toContain(
      "  (1,234 allocations and frees not counted: one instruction made more than the event ring holds)",
    );
  });
});
