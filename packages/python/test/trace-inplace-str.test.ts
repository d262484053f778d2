/**
 * 3.11 grows a str in place for `s += t` on a local once the code is warm: the same object (same id)
 * gets a new value and size. The trace must show the new value and sys.getsizeof at every step, never a
 * stale record of the old string.
 */
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { binding, objectAt, python3Json } from "./trace-helpers.js";

const SRC = "def build():\n    s = ''\n    for i in range(60):\n        s += 'x'\n    return len(s)\nprint(build())\n";

describe("a str grown in place", () => {
  test("every step shows the string's current value and size, as python3 measures them", () => {
    const sizes = python3Json<number[]>("import sys, json; print(json.dumps([sys.getsizeof('x' * k) for k in range(61)]))");
    // python3 keeps the id while the string grows inside its block: count the distinct ids it goes through
    const pyIds = python3Json<number>(
      "import json\ndef build():\n    s = ''\n    ids = []\n    for i in range(60):\n        s += 'x'\n        ids.append(id(s))\n    return len(set(ids))\nprint(json.dumps(build()))",
    );
    const trace = run(SRC, { trace: "line" }).trace!;
    const steps = trace.steps.map((s, i) => [s, i] as const).filter(([s]) => s.line === 3 && binding(s, "s") && binding(s, "i"));
    expect(steps.length).toBeGreaterThan(50);
    const ids = new Set<string>();
    for (const [, i] of steps) {
      const o = objectAt(trace, i, "s");
      // `s += 'x'` (line 4) ran once per step at line 4 before this one
      const n = trace.steps.slice(0, i).filter((s) => s.line === 4).length;
      expect(o.type).toBe("str");
      expect(o.repr).toBe(`'${"x".repeat(n)}'`);
      expect(o.size).toBe(sizes[n]);
      if (n > 1) ids.add(o.id);
    }
    // the object was reused across steps (the in-place path ran), so records changed under one id
    expect(ids.size).toBeLessThan(steps.length - 1);
    expect(ids.size).toBeLessThanOrEqual(pyIds);
  });
});
