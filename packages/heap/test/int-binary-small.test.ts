/**
 * intBinarySmall / intCompareSmall (the core's int_binary_small and int_compare_small): a whole BINARY_OP
 * or COMPARE_OP of two exact ints in one core call. Checked against Python's rules computed here in BigInt
 * (floor division and modulo take the divisor's sign; x_add / x_sub's spare digits), and against the same
 * work done the other way on a second heap — the result made with newInt / newIntSpare first, then
 * decrefInt of each operand, as the eval loop does it without the core call: the same values, block
 * sizes, addresses, events and memory byte for byte. Where the
 * call does not apply (another operator, more digits, a zero divisor, a product past 2^53, a float) it
 * returns 0 and changes nothing. Both builds.
 */
import { describe, expect, it } from "vitest";
import type { Heap, Obj } from "../src/index.js";
import { fresh, expectHealthy, expectSameMemory, rng } from "./helpers.js";

const DIGIT = 2n ** 30n;
const SAFE = 2n ** 53n - 1n;

/** Python's `x <op> y` for BINARY_OP's oparg (in-place forms folded) with the spare digits CPython
 *  allocates the result with, or null where int_binary_small does not apply: an operand of more than two
 *  digits or of 2^53 and more, an operator other than + and − with a two-digit operand, another operator,
 *  a zero divisor, a result past 2^53. */
function expectedBinary(x: bigint, y: bigint, op: number): { v: bigint; spare: number } | null {
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  const digits = (v: bigint): number => (v === 0n ? 0 : abs(v) < DIGIT ? 1 : 2);
  const k = op >= 13 ? op - 13 : op;
  if (abs(x) > SAFE || abs(y) > SAFE) return null;
  if (abs(x) >= DIGIT || abs(y) >= DIGIT) {
    if (k !== 0 && k !== 10) return null;
    const v = k === 0 ? x + y : x - y;
    if (abs(v) > SAFE) return null;
    // x_add: one digit more than the longer operand; x_sub: as many (the allocation outlives the digits)
    const most = Math.max(digits(x), digits(y));
    const adds = k === 0 ? x < 0n === y < 0n : x < 0n !== y < 0n;
    return { v, spare: Math.max(0, (adds ? most + 1 : most) - digits(v)) };
  }
  const one = (v: bigint): { v: bigint; spare: number } => ({ v, spare: 0 });
  switch (k) {
    case 0:
      return one(x + y);
    case 10:
      return one(x - y);
    case 5:
      return abs(x * y) > SAFE ? null : one(x * y);
    case 2: {
      if (y === 0n) return null;
      const q = x / y;
      return one(q * y !== x && x < 0n !== y < 0n ? q - 1n : q);
    }
    case 6: {
      if (y === 0n) return null;
      const r = x % y;
      return one(r !== 0n && r < 0n !== y < 0n ? r + y : r);
    }
    case 1:
      return one(x & y);
    case 7:
      return one(x | y);
    case 12:
      return one(x ^ y);
    default:
      return null;
  }
}

/** Python's `x <op> y` for COMPARE_OP's oparg, or null where int_compare_small does not apply. */
function expectedCompare(x: bigint, y: bigint, op: number): boolean | null {
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  if (abs(x) >= DIGIT * DIGIT || abs(y) >= DIGIT * DIGIT) return null;
  return [x < y, x <= y, x === y, x !== y, x > y, x >= y][op] ?? null;
}

/** Operand values: around the small-int cache, the one/two digit borders, zero, both signs. */
function value(r: () => number): bigint {
  const k = r();
  const sign = r() < 0.5 ? -1n : 1n;
  if (k < 0.25) return BigInt(Math.floor(r() * 270) - 8);
  if (k < 0.5) return sign * BigInt(Math.floor(r() * 100000));
  if (k < 0.7) return sign * (DIGIT - 1n - BigInt(Math.floor(r() * 3)));
  if (k < 0.8) return sign * (DIGIT + BigInt(Math.floor(r() * 3)));
  if (k < 0.9) return sign * BigInt(Math.floor(r() * 2 ** 52));
  return sign * (2n ** 60n + BigInt(Math.floor(r() * 1000)));
}

for (const debug of [false, true]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    it("int_binary_small gives Python's value and leaves the heap as newIntValue + decrefInt(a) + decrefInt(b) do; 0 and nothing changed where it does not apply", () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      a.events.enable();
      b.events.enable();
      const r = rng(11);
      const liveA: Obj[] = [];
      const liveB: Obj[] = [];
      for (let i = 0; i < 40; i++) {
        const v = value(r);
        liveA.push(a.newInt(v));
        liveB.push(b.newInt(v));
      }
      let applied = 0;
      let declined = 0;
      let spared = 0;
      for (let step = 0; step < 5000; step++) {
        while (liveA.length < 10) {
          const v = value(r);
          liveA.push(a.newInt(v));
          liveB.push(b.newInt(v));
        }
        const i = Math.floor(r() * liveA.length);
        const j = r() < 0.1 ? i : Math.floor(r() * liveA.length);
        const op = Math.floor(r() * 26);
        const [oa, ob, pa, pb] = [liveA[i]!, liveA[j]!, liveB[i]!, liveB[j]!];
        // the stack's references (one more each), sometimes the only ones left
        a.incref(oa);
        a.incref(ob);
        b.incref(pa);
        b.incref(pb);
        const dies = r() < 0.5;
        if (dies) {
          for (const g of [...new Set([i, j])].sort((p, q) => q - p)) {
            a.decref(liveA[g]!);
            b.decref(liveB[g]!);
            liveA.splice(g, 1);
            liveB.splice(g, 1);
          }
        }
        const x = a.readInt(oa);
        const y = a.readInt(ob);
        const want = expectedBinary(x, y, op);
        const countA = a.refcnt(oa);
        const ra = a.intBinarySmall(oa, ob, op);
        if (want === null) {
          declined++;
          expect(ra).toBe(0);
          expect(a.refcnt(oa)).toBe(countA);
          a.decrefInt(oa);
          a.decrefInt(ob);
          b.decrefInt(pa);
          b.decrefInt(pb);
          continue;
        }
        applied++;
        if (want.spare > 0) spared++;
        const small = want.v >= -5n && want.v <= 256n;
        const rb = small || want.spare === 0 ? b.newInt(want.v) : b.newIntSpare(Number(want.v), want.spare);
        b.decrefInt(pa);
        b.decrefInt(pb);
        expect(a.readInt(ra)).toBe(want.v);
        expect(a.blockSize(ra)).toBe(b.blockSize(rb));
        expect(ra - a.smallInt(0)).toBe(rb - b.smallInt(0));
        liveA.push(ra);
        liveB.push(rb);
        if (liveA.length > 60) {
          a.decref(liveA.shift()!);
          b.decref(liveB.shift()!);
        }
      }
      expect(applied).toBeGreaterThan(1000);
      expect(spared).toBeGreaterThan(100);
      expect(declined).toBeGreaterThan(1000);
      expect(a.events.drain().events).toEqual(b.events.drain().events);
      expectSameMemory(a, b);
      for (const o of liveA) a.decref(o);
      expect(a.walk()).toEqual([]);
      expectHealthy(a);
    });

    it("int_compare_small gives Python's answer as a new reference to True or False and releases both operands (a first); 0 and nothing changed where it does not apply", () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      a.events.enable();
      b.events.enable();
      const r = rng(12);
      let applied = 0;
      let declined = 0;
      for (let step = 0; step < 3000; step++) {
        const x = value(r);
        const y = r() < 0.2 ? x : value(r);
        const op = Math.floor(r() * 7);
        const oa = a.newInt(x);
        const ob = a.newInt(y);
        const pa = b.newInt(x);
        const pb = b.newInt(y);
        const want = expectedCompare(x, y, op);
        const trueCount = a.refcnt(a.True);
        const ro = a.intCompareSmall(oa, ob, op);
        if (want === null) {
          declined++;
          expect(ro).toBe(0);
          expect(a.refcnt(a.True)).toBe(trueCount);
          a.decrefInt(oa);
          a.decrefInt(ob);
        } else {
          applied++;
          expect(ro).toBe(want ? a.True : a.False);
          a.decref(ro);
        }
        b.decrefInt(pa);
        b.decrefInt(pb);
      }
      expect(applied).toBeGreaterThan(1500);
      expect(declined).toBeGreaterThan(100);
      expect(a.events.drain().events).toEqual(b.events.drain().events);
      expectSameMemory(a, b);
      expect(a.walk()).toEqual([]);
      expectHealthy(a);
    });

    it("declines floats, bools and int subclasses: 0, nothing changed", () => {
      const h: Heap = fresh({ debug });
      const f = h.newFloat(1.5);
      const i = h.newInt(7);
      const before = [h.refcnt(f), h.refcnt(i), h.refcnt(h.True)];
      expect(h.intBinarySmall(f, i, 0)).toBe(0);
      expect(h.intBinarySmall(i, f, 0)).toBe(0);
      expect(h.intBinarySmall(h.True, i, 0)).toBe(0);
      expect(h.intCompareSmall(i, h.True, 0)).toBe(0);
      expect(h.intCompareSmall(f, i, 2)).toBe(0);
      expect([h.refcnt(f), h.refcnt(i), h.refcnt(h.True)]).toEqual(before);
      h.decref(f);
      h.decref(i);
      expect(h.walk()).toEqual([]);
      expectHealthy(h);
    });
  });
}
