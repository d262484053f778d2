// compileHeap(): compiles and keeps the module without creating a heap; the loads after it instantiate it.
import { describe, expect, it } from "vitest";
import { compileHeap, loadHeap, loadHeapAsync } from "../src/index.js";

describe("compileHeap", () => {
  it("leaves a module that loadHeap and loadHeapAsync instantiate into working heaps", async () => {
    await compileHeap({ debug: true });
    await compileHeap({ debug: true }); // a second call finds the module kept
    for (const h of [loadHeap({ debug: true }), await loadHeapAsync({ debug: true })]) {
      const l = h.newList([h.newInt(1), h.newInt(2)]);
      expect(h.listLen(l)).toBe(2);
      h.decref(l);
      expect(h.check()).toEqual({ ok: true });
    }
  });
});
