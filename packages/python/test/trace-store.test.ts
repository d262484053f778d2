/**
 * Traces held in columns (src/trace/store.ts): `steps` and `keyframes` read like plain arrays of the
 * schema's objects, a JSON round trip gives the same trace, and Session reads the same states from the
 * columns as from a plain copy of the trace.
 */
import { describe, expect, test } from "vitest";
import { plainTrace, run, Session, type Trace } from "../src/index.js";
import { lazyArray } from "../src/trace/store.js";
import { python3Json } from "./trace-helpers.js";

const PROGRAM = [
  "import gc",
  "def f(n):",
  "    xs = [i * 1000 for i in range(n)]",
  "    d = {str(i): xs[i] for i in range(n)}",
  "    return len(d)",
  "out = []",
  "for k in range(30):",
  "    out.append(f(k % 5))",
  "    if k % 10 == 9:",
  "        print(k, sum(out))",
  "a = []; a.append(a)",
  "del a",
  "gc.collect()",
  "print('end')",
].join("\n");

/** The trace as JSON would carry it: plain arrays, plain objects. */
function viaJson(trace: Trace): Trace {
  return JSON.parse(JSON.stringify(trace)) as Trace;
}

describe("a recorded trace in columns", () => {
  const result = run(PROGRAM, { trace: "line", gcThreshold: [20, 3, 3] });
  const trace = result.trace!;

  test("steps and keyframes are arrays whose elements stay the same objects", () => {
    expect(Array.isArray(trace.steps)).toBe(true);
    expect(Array.isArray(trace.keyframes)).toBe(true);
    expect(trace.steps.length).toBeGreaterThan(150);
    expect(trace.keyframes.length).toBeGreaterThan(1);
    expect(trace.steps[5]).toBe(trace.steps[5]);
    expect(trace.steps.at(-1)!.index).toBe(trace.steps.length - 1);
    expect(trace.steps.map((s) => s.index)).toEqual(Array.from({ length: trace.steps.length }, (_, i) => i));
    expect([...trace.keyframes].map((k) => k.step)[0]).toBe(0);
    expect(trace.steps[trace.steps.length]).toBeUndefined();
    expect(Object.keys(trace.steps).length).toBe(trace.steps.length);
  });

  test("every step's innermost frame is on the step's line", () => {
    for (const s of trace.steps) if (s.frames.length) expect(s.frames.at(-1)!.line).toBe(s.line);
    // a call shows the caller on the line of the call
    const inF = trace.steps.find((s) => s.frames.length === 2 && s.kind === "line")!;
    expect(inF.frames[0]!.line).toBe(8);
  });

  test("stdout per step adds up to the run's stdout", () => {
    expect(trace.steps.map((s) => s.stdout).join("")).toBe(result.stdout);
    expect(trace.steps.filter((s) => s.stdout).length).toBe(4);
  });

  // the tests below then read columns that grew while the trace was recorded
  test("is longer than the columns' first capacities (128 steps, 512 records)", () => {
    expect(trace.steps.length).toBeGreaterThan(3 * 128);
    expect(trace.steps.reduce((n, s) => n + s.delta.upsert.length, 0)).toBeGreaterThan(2 * 512);
    expect(trace.keyframes.length).toBeGreaterThan(2);
  });

  test("a JSON round trip and plainTrace give the same trace", () => {
    const json = viaJson(trace);
    expect(json.steps.length).toBe(trace.steps.length);
    expect(json).toEqual(trace);
    const plain = plainTrace(trace);
    expect(plain.steps).toEqual(json.steps);
    expect(structuredClone(plain).steps[7]).toEqual(json.steps[7]);
  });

  test("Session reads the same states from the columns as from a plain copy", () => {
    const fast = new Session(trace);
    const slow = new Session(viaJson(trace));
    expect(fast.length).toBe(slow.length);
    // forward, then jumps backwards and across keyframes
    const order = [...Array.from({ length: trace.steps.length }, (_, i) => i), 3, trace.steps.length - 1, 0, 101, 99, 57];
    for (const i of order) {
      const a = fast.step(i);
      const b = slow.step(i);
      expect(a.heap).toEqual(b.heap);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stderr).toBe(b.stderr);
      expect(a.frames).toEqual(b.frames);
      expect(a.events).toEqual(b.events);
    }
  });

  test("replacing steps with a plain array makes Session read the array", () => {
    const copy: Trace = { ...trace, steps: trace.steps.slice(0, 10), keyframes: trace.keyframes.slice(0, 1) };
    const s = new Session(copy);
    expect(s.length).toBe(10);
    expect(s.last().index).toBe(9);
  });
});

describe("lazyArray", () => {
  test("makes each element once, on first read", () => {
    const made: number[] = [];
    const a = lazyArray(4, (i) => {
      made.push(i);
      return { i };
    });
    expect(a.length).toBe(4);
    expect(made).toEqual([]);
    expect(a[2]).toEqual({ i: 2 });
    expect(a[2]).toBe(a[2]);
    expect(made).toEqual([2]);
    expect(2 in a).toBe(true);
    expect(4 in a).toBe(false);
    expect(a.slice(1, 3).map((x) => x.i)).toEqual([1, 2]);
    expect(made).toEqual([2, 1]);
    expect(JSON.stringify(a)).toBe('[{"i":0},{"i":1},{"i":2},{"i":3}]');
    expect(made).toEqual([2, 1, 0, 3]);
  });

  test("behaves as a plain array once written to", () => {
    const a = lazyArray(2, (i) => i * 10);
    a.push(99);
    expect(a).toEqual([0, 10, 99]);
    a[0] = 5;
    expect([...a]).toEqual([5, 10, 99]);
  });

  test("an element written makes no other element", () => {
    let calls = 0;
    const a = lazyArray(100000, (i) => {
      calls++;
      return { i };
    });
    a[5] = { i: -5 };
    expect(calls).toBe(0);
    expect(a[5]).toEqual({ i: -5 });
    expect(a[6]).toEqual({ i: 6 });
    expect(calls).toBe(1);
  });

  test("a deleted element stays deleted", () => {
    const a = lazyArray(5, (i) => ({ i }));
    delete a[3];
    expect(a[3]).toBeUndefined();
    expect(3 in a).toBe(false);
    expect(2 in a).toBe(true);
    expect(a.length).toBe(5);
  });
});

describe("a Session over a trace whose steps were changed in place", () => {
  test("shows the changed steps, as over a JSON copy of them", () => {
    const t = run("a = [1]\nb = [2]\nc = 3\n", { trace: "line" }).trace!;
    t.steps.splice(1, 1);
    const copy = JSON.parse(JSON.stringify(t)) as typeof t;
    const view = (tr: typeof t) => {
      const v = new Session(tr).step(1);
      return { line: v.line, heap: [...v.heap.values()].map((o) => o.repr).sort() };
    };
    expect(view(t)).toEqual(view(copy));
  });
});

describe("container reprs remade from their items' kept texts", () => {
  // every container is changed again and again, so that its later records are made from the texts its
  // items' entries keep (the recorder's short path), and compared with python3's repr at the end
  const SRC = [
    "xs = []",
    "ts = ()",
    "d = {}",
    "one = None",
    "mixed = []",
    "for i in range(40):",
    "    xs.append(i * 1001)",
    "    ts = ts + (i % 3 == 0,)",
    "    d['k%d' % i] = i / 4",
    "    one = (str(i),)",
    "    mixed.append([None, 'a\\'b', -i, 2.5] if i % 2 else i)",
    "    if i == 20:",
    "        xs.append(xs)",
    "empty = []; et = (); ed = {}",
    "small = [True, False, None]",
    "sd = {1: 'x', 'y': 2.0}",
    "end = 0",
  ].join("\n");
  const NAMES = ["xs", "ts", "d", "one", "mixed", "empty", "et", "ed", "small", "sd"];

  test("equal python3's repr, cut to 80 characters with …", () => {
    const trace = run(SRC, { trace: "line" }).trace!;
    const session = new Session(trace);
    const last = session.last();
    const code = `${SRC}\nimport json\nr = {n: repr(globals()[n]) for n in ${JSON.stringify(NAMES)}}\nprint(json.dumps({n: (t if len(t) <= 80 else t[:79] + "…") for n, t in r.items()}))`;
    const expected = python3Json<Record<string, string>>(code);
    for (const name of NAMES) {
      const at = last.frames[0]!.locals.find((l) => l.name === name)!;
      expect(last.heap.get(at.serial)!.repr, name).toBe(expected[name]);
    }
  });
});

describe("container reprs at every step", () => {
  // lists, tuples and dicts changed inside and past the part their repr shows, grown past the 80
  // characters and shrunk under them; at every step before `probe` each repr must be python3's there
  // (a recorder that reuses a container's last text must see each of these changes)
  const BODY = [
    "xs = []",
    "ts = ()",
    "d = {}",
    "for i in range(60):",
    "    xs.append(i * 1001)",
    "    if i % 7 == 3:",
    "        xs[i % 5] = -i * 1001",
    "    if i % 11 == 5:",
    "        xs[-1] = i * 3003",
    "    if i == 45:",
    "        del xs[2:]",
    "    ts = (i * 1001,) if i % 10 == 9 else ts + (i * 1001,)",
    "    d[i % 13] = i * 1001",
    "    if i == 50:",
    "        d = {k: v for k, v in d.items() if k < 2}",
    "    probe = i",
  ];
  const NAMES = ["xs", "ts", "d"];

  test("equal python3's reprs at each step", () => {
    const cut = 'lambda t: t if len(t) <= 80 else t[:79] + "\u2026"';
    const code = ["import json", "R = []", `cut = ${cut}`, ...BODY, `    R.append([cut(repr(v)) for v in (${NAMES.join(", ")})])`, "print(json.dumps(R))"].join("\n");
    const expected = python3Json<string[][]>(code);
    const trace = run(BODY.join("\n") + "\n", { trace: "line" }).trace!;
    const session = new Session(trace);
    const seen: string[][] = [];
    for (let i = 0; i < trace.steps.length; i++) {
      if (trace.steps[i]!.line !== BODY.length) continue;
      const view = session.step(i);
      seen.push(NAMES.map((n) => view.heap.get(view.frames[0]!.locals.find((l) => l.name === n)!.serial)!.repr));
    }
    expect(seen).toEqual(expected);
  });

  test("a str grown in place while a list holds it again shows its new text in the list's repr", () => {
    // on one line: the list lets go of s, s grows in place (only the local holds it) and goes back in
    // the same slot, so the list holds the same object as before and only the str's text changed
    const SRC = "def f():\n    s = 'a'\n    xs = [s, 1]\n    for i in range(30):\n        xs.pop(0); s += 'b'; xs.insert(0, s)\n    return xs\nf()\n";
    const expected = python3Json<string[]>(
      `import json\nR = []\ndef f():\n    s = 'a'\n    xs = [s, 1]\n    for i in range(30):\n        xs.pop(0); s += 'b'; xs.insert(0, s)\n        R.append(repr(xs))\nf()\nprint(json.dumps(R))`,
    );
    const trace = run(SRC, { trace: "line" }).trace!;
    const session = new Session(trace);
    const seen: string[] = [];
    for (let i = 1; i < trace.steps.length; i++) {
      if (trace.steps[i - 1]!.line !== 5) continue;
      const view = session.step(i);
      const at = view.frames.at(-1)!.locals.find((l) => l.name === "xs")!;
      seen.push(view.heap.get(at.serial)!.repr);
    }
    expect(seen).toEqual(expected);
  });
});

describe("referent lists stored as patches of the previous ones", () => {
  // long containers changed one slot at a time, shrunk and regrown: their referent lists are stored as
  // patches on earlier lists; each materialised list must name the items the container's repr shows
  const SRC = [
    "big = []",
    "d = {}",
    "for k in range(70):",
    "    big.append(k * 1001)",
    "    d[k % 23] = k * 1001",
    "    if k % 9 == 8:",
    "        big[k % 5] = -k * 1001",
    "    if k == 40:",
    "        del big[10:30]",
    "end = 0",
  ].join("\n");

  test("every step's list and dict name the objects their reprs show", () => {
    const trace = run(SRC, { trace: "line" }).trace!;
    const session = new Session(trace);
    let checked = 0;
    for (let i = 0; i < trace.steps.length; i++) {
      const view = session.step(i);
      for (const name of ["big", "d"]) {
        const at = view.frames[0]!.locals.find((l) => l.name === name);
        if (!at) continue;
        const rec = view.heap.get(at.serial)!;
        const texts = rec.referents.map((r) => view.heap.get(r.serial)!.repr);
        if (name === "big") {
          expect(rec.referents.map((r) => r.label)).toEqual(rec.referents.map((_, k) => `[${k}]`));
          const shown = `[${texts.join(", ")}]`;
          expect(shown.startsWith(rec.repr.replace(/…$/, ""))).toBe(true);
        } else {
          const pairs: string[] = [];
          for (let k = 0; k < texts.length; k += 2) pairs.push(`${texts[k]}: ${texts[k + 1]}`);
          expect(`{${pairs.join(", ")}}`.startsWith(rec.repr.replace(/…$/, ""))).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
