/**
 * strJoinPop / strJoinItems (the core's str_join_array): a str joined from strs in one core call. Checked
 * against strJoin (the same join done in JavaScript) on a second heap that does the same work: the same
 * text, kind, ASCII flag, length, block size and address, the same events and memory byte for byte; the
 * shared '' for an empty result and a fresh object otherwise; strJoinPop releasing the pieces first to
 * last and taking them off the array; 0 with nothing changed for an item that is no str. Both builds.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { abi, loadHeap, type Heap, type Obj } from "../src/index.js";
import { expectHealthy, expectSameMemory as expectSameHeapMemory } from "./helpers.js";

/** Memory of a equals that of b byte for byte, but for the core's buffer strJoinPop passes the pieces'
 *  addresses in (outside the Python heap: the reserved region of the core's own tables). */
function expectSameMemory(a: Heap, b: Heap): void {
  const skip = [a, b].flatMap((h) => {
    const j = h as unknown as { joinBuf: number; joinCap: number };
    return j.joinCap ? [[j.joinBuf, j.joinBuf + 4 * j.joinCap] as const] : [];
  });
  expectSameHeapMemory(a, b, skip);
}

/** Texts of each kind: ASCII, latin-1, UCS-2, UCS-4 (an astral character), empty. */
const TEXTS = ["", "a", "abc", "0123456789abcdefghij", "é", "naïve", "Ωmega", "\u20ac5", "😀", "x😀y", "~"];

function pieces(seed: number, n: number): string[] {
  const out: string[] = [];
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (a * 1103515245 + 12345) >>> 0;
    out.push(TEXTS[a % TEXTS.length]!);
  }
  return out;
}

/** The heap's view of a str: its text and header fields, block size. */
function describeStr(h: Heap, o: Obj) {
  return {
    text: h.readStr(o),
    length: h.strLength(o),
    state: h.getI32(o, abi.STR_STATE),
    size: h.sizeOf(o),
    block: h.blockSize(o),
  };
}

for (const debug of [true, false]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    const make = (): Heap => loadHeap({ debug });

    it("strJoinPop builds what strJoin builds and releases the pieces as BUILD_STRING does", () => {
      for (let seed = 1; seed <= 40; seed++) {
        const n = 1 + (seed % 7);
        const texts = pieces(seed, n);
        const a = make();
        const b = make();
        a.events.enable();
        b.events.enable();
        const stackA: Obj[] = [a.None];
        const stackB: Obj[] = [b.None];
        for (const t of texts) {
          stackA.push(a.newStrUncached(t));
          stackB.push(b.newStrUncached(t));
        }
        // the other way: strJoin of the pieces, then each piece released last to first (popped)
        const parts = stackB.splice(stackB.length - n, n);
        const rb = b.strJoin(parts);
        for (let i = parts.length - 1; i >= 0; i--) b.decref(parts[i]!);
        const ra = a.strJoinPop(stackA, n);
        expect(ra).toBe(rb);
        expect(stackA).toEqual([a.None]);
        expect(describeStr(a, ra)).toEqual(describeStr(b, rb));
        expect(a.events.drain()).toEqual(b.events.drain());
        expectSameMemory(a, b);
        a.decref(ra);
        b.decref(rb);
        expectSameMemory(a, b);
        expectHealthy(a);
      }
    });

    it("an empty result is the shared '', any other a new object (a single character too)", () => {
      const h = make();
      const st = [h.emptyStr, h.emptyStr];
      h.incref(h.emptyStr);
      h.incref(h.emptyStr);
      expect(h.strJoinPop(st, 2)).toBe(h.emptyStr);
      h.decref(h.emptyStr);
      const x = h.newStr("x");
      h.incref(h.emptyStr);
      const st2 = [x, h.emptyStr];
      const r = h.strJoinPop(st2, 2);
      expect(r).not.toBe(x);
      expect(r).not.toBe(h.newStr("x"));
      expect(h.readStr(r)).toBe("x");
      h.decref(r);
      expectHealthy(h);
    });

    it("strJoinItems joins a list's items with a separator as strJoin does, and says 0 for an item that is no str", () => {
      for (let seed = 1; seed <= 30; seed++) {
        const n = seed % 9;
        const texts = pieces(seed * 7, n);
        const sepText = TEXTS[seed % TEXTS.length]!;
        const a = make();
        const b = make();
        const la = a.newList(texts.map((t) => a.newStrUncached(t)), "display");
        const lb = b.newList(texts.map((t) => b.newStrUncached(t)), "display");
        // newList took its own references: the strs made above are released by their list only
        const itemsA = Array.from({ length: n }, (_, i) => a.listGet(la, i));
        const itemsB = Array.from({ length: n }, (_, i) => b.listGet(lb, i));
        for (const x of itemsA) a.decref(x);
        for (const x of itemsB) b.decref(x);
        const sa = a.newStrUncached(sepText);
        const sb = b.newStrUncached(sepText);
        const ra = a.strJoinItems(a.getI32(la, abi.LIST_ITEMS) >>> 0, n, sa);
        const rb = b.strJoin(itemsB, sb);
        expect(ra).toBe(rb);
        expect(describeStr(a, ra)).toEqual(describeStr(b, rb));
        expectSameMemory(a, b);
        expectHealthy(a);
      }
      const h = make();
      const l = h.newList([h.newStr("ab"), h.newFloat(1.5)], "display");
      const before = Buffer.from(h.memory.buffer);
      expect(h.strJoinItems(h.getI32(l, abi.LIST_ITEMS) >>> 0, 2, h.emptyStr)).toBe(0);
      expect(Buffer.from(h.memory.buffer).equals(before)).toBe(true);
    });
  });
}

describe("size-optimised build", () => {
  it("answers 0 with nothing changed, so the binding's caller joins in JavaScript", () => {
    const wasm = readFileSync(new URL("../../core/build/pyheap.size.wasm", import.meta.url));
    const h = loadHeap({ wasm });
    const a = h.newStrUncached("ab");
    const b = h.newStrUncached("cd");
    const st = [a, b];
    expect(h.strJoinPop(st, 2)).toBe(0);
    expect(st).toEqual([a, b]);
    expect(h.refcnt(a)).toBe(1);
    const l = h.newList([a, b], "display");
    expect(h.strJoinItems(h.getI32(l, abi.LIST_ITEMS) >>> 0, 2, h.emptyStr)).toBe(0);
    const r = h.strJoin([a, b]);
    expect(h.readStr(r)).toBe("abcd");
    expectHealthy(h);
  });
});
