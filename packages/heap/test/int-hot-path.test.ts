/**
 * newIntValue and decrefInt (the eval loop's int allocation and release, calling the core without the
 * export wrapper) against newInt and decref: the same objects (the small-int cache, a block of the int
 * freelist reused in the same order), the same values, big values past 2^53 through the general path, and
 * a trap inside the unwrapped call still retires the heap.
 */
import { describe, expect, it } from "vitest";
import { abi } from "../src/index.js";
import { fresh, expectHealthy } from "./helpers.js";

describe("newIntValue / decrefInt", () => {
  it("gives the same objects and values as newInt / decref", () => {
    const a = fresh();
    const b = fresh();
    const vals = [0, 1, -1, -5, -6, 256, 257, 1000, -1000, 2 ** 30 - 1, 2 ** 30, -(2 ** 31), 2 ** 52, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53), 2 ** 60];
    const got: number[] = [];
    const want: number[] = [];
    for (const v of vals) {
      const x = a.newIntValue(v);
      const y = b.newInt(v);
      expect(a.readInt(x)).toBe(BigInt(v));
      expect(a.refcnt(x)).toBe(b.refcnt(y));
      got.push(x - a.smallInt(0));
      want.push(y - b.smallInt(0));
    }
    // the same addresses relative to the static small ints: the same allocator path in the same order
    expect(got).toEqual(want);
    // released in another order, then allocated again: the freed blocks come back in the same order
    for (let i = vals.length - 1; i >= 0; i--) {
      a.decrefInt(a.smallInt(0) + got[i]!);
      b.decref(b.smallInt(0) + want[i]!);
    }
    expect(a.liveBytes()).toBe(b.liveBytes());
    const again = [700, 800, 2 ** 40, -900].map((v) => a.newIntValue(v) - a.smallInt(0));
    expect(again).toEqual([700, 800, 2 ** 40, -900].map((v) => b.newInt(v) - b.smallInt(0)));
    expectHealthy(a);
  });

  it("a small int keeps its count exact", () => {
    const h = fresh();
    const o = h.smallInt(7);
    const n = h.refcnt(o);
    expect(h.newIntValue(7)).toBe(o);
    expect(h.refcnt(o)).toBe(n + 1);
    h.decrefInt(o);
    expect(h.refcnt(o)).toBe(n);
  });

  it("a trap in the unwrapped deallocation retires the heap", () => {
    const h = fresh();
    // a count that reaches zero on an object whose type pointer is past the memory traps in the core
    const fake = h.newIntValue(654321);
    h.i32[(fake + abi.OB_TYPE) >>> 2] = -16;
    h.i32[fake >>> 2] = 1;
    expect(() => h.decrefInt(fake)).toThrow();
    expect(h.isRetired).toBe(true);
    expect(() => h.newIntValue(1000)).toThrow(/core trap/);
  });
});
