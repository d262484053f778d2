import { describe, expect, it } from "vitest";
import { shortId } from "../src/model/graph.js";
import { HeapTimeline } from "../src/model/heap-at.js";
import { describeEvents, describeOutcome, narrateStep, visibleStderr } from "../src/model/narrate.js";
import { cycleTrace, mutableListTrace } from "./fixtures/traces.js";

describe("narrateStep", () => {
  it("says where we are, what the last line allocated and what the names hold", () => {
    const t = mutableListTrace();
    const heap = new HeapTimeline(t).at(2);
    const text = narrateStep(t, 2, heap);
    const id = shortId(heap.get(10)!.id);
    expect(text).toContain("Step 3 of 3, line 3: print(id(mutable)).");
    expect(text).toContain(`Allocated str 'World' at ${shortId(heap.get(12)!.id)} (54 bytes).`);
    expect(text).toContain(`Names: mutable is list ${id} with refcount 1.`);
    expect(text).toContain("The program finished.");
  });

  it("tells a collection and the run's limit", () => {
    const t = cycleTrace();
    const tl = new HeapTimeline(t);
    const events = describeEvents(t.steps[6]!, tl.at(5));
    expect(events.map((e) => e.kind)).toEqual(["gc", "collected", "collected", "gc"]);
    expect(events[3]!.text).toBe("collection of generation 2 ended: 2 objects collected");
    t.outcome = { status: "limit", limit: "steps", message: "too many steps" };
    expect(narrateStep(t, 6, tl.at(6))).toContain("Stopped at the steps limit: too many steps.");
    expect(describeOutcome({ status: "ok" })).toBeNull();
  });
});

describe("visibleStderr", () => {
  it("drops the prompts of the interactive mode and keeps errors", () => {
    const err = ">>> >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'x' is not defined\n>>> ... >>> \n";
    expect(visibleStderr(err, "repl")).toBe("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'x' is not defined\n");
    expect(visibleStderr(">>> x", "script")).toBe(">>> x");
  });
});
