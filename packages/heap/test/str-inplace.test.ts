// The one-byte bytes cache and `s += t` in place (PyUnicode_Append + pymalloc realloc), against the
// facts python3 gave for the same operations.
import { describe, expect, it } from "vitest";
import { abi, type Heap, type Obj } from "../src/index.js";
import { facts, fresh, expectHealthy } from "./helpers.js";

describe("one-byte bytes", () => {
  it("newBytes of one byte is the shared static object, as python3's bytes([122]) is b'xyz'[2:]", () => {
    const h = fresh();
    const a = h.newBytes(new Uint8Array([122]));
    const b = h.newBytes(new Uint8Array([120, 121, 122]).subarray(2));
    expect(a === b).toBe(facts.one_byte_bytes["bytes([122]) is b'xyz'[2:]"]);
    expect(h.idOf(a) % 16).toBe(8);
    expect(h.readBytes(a)).toEqual(new Uint8Array([122]));
    h.decref(a);
    h.decref(b);
    expect(h.walk()).toEqual([]);
  });

  it("newBytesUncached gives a fresh object each time, as python3's bytes(1) is bytes(1)", () => {
    const h = fresh();
    const a = h.newBytesUncached(new Uint8Array(1));
    const b = h.newBytesUncached(new Uint8Array(1));
    expect(a === b).toBe(facts.one_byte_bytes["bytes(1) is bytes(1)"]);
    expect(h.sizeOf(a)).toBe(facts.bytes_sizes["1"]);
    h.decref(a);
    h.decref(b);
    expect(h.walk()).toEqual([]);
    expectHealthy(h);
  });
});

/** A fresh string of `text` with refcount 1, then `c` appended n times in place; the lengths at which the
 *  address changed and the final getsizeof. */
function grow(h: Heap, text: string, c: string, n: number): [number[], number] {
  let s = h.newStrUncached(text);
  const ch = h.newStr(c);
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = s;
    const r = h.strAppendInPlace(s, ch);
    expect(r).not.toBe(0);
    s = r;
    if (s !== before) moved.push(h.strLength(s));
  }
  const size = h.sizeOf(s);
  expect(h.readStr(s)).toBe(text + c.repeat(n));
  expect(h.blockSize(s)).toBeGreaterThanOrEqual(size);
  h.decref(s);
  h.decref(ch);
  return [moved, size];
}

describe("str append in place", () => {
  const cases: [string, string, string][] = [
    ["ascii", "123456", "x"],
    ["latin1", "\u00e9\u00e9\u00e9", "\u00e9"],
    ["ucs2", "\u20ac\u20ac", "\u20ac"],
    ["ucs4", "\u{1f600}", "\u{1f600}"],
    ["ucs2+latin1", "\u20ac\u20ac", "\u00e9"],
    ["latin1+ascii", "\u00e9\u00e9", "x"],
  ];
  for (const [name, text, c] of cases) {
    it(`${name}: moves only where the size class changes`, () => {
      const h = fresh();
      expect(grow(h, text, c, 90)).toEqual(facts.str_inplace_moves[name]);
      expect(h.walk()).toEqual([]);
      expect(h.liveBytes()).toBe(0);
      expectHealthy(h);
    });
  }

  it("declines (returns 0, nothing changed) when the string is shared, hashed, or right would widen it", () => {
    const h = fresh();
    const x = h.newStr("x");
    const e = h.newStr("\u00e9");
    // python3 counted the id changes over five `s += c`: a declined append builds a new string (allocated
    // while the old one lives, so always at another address); an accepted one moves at a class boundary
    const count = (setup: (s: Obj) => void, right: Obj): number => {
      let s = h.newStrUncached("123456");
      let changes = 0;
      for (let i = 0; i < 5; i++) {
        setup(s);
        const before = s;
        const r = h.strAppendInPlace(s, right);
        if (r !== 0) s = r;
        else {
          s = h.newStrUncached(h.readStr(before) + h.readStr(right));
          h.decref(before);
        }
        if (s !== before) changes++;
      }
      h.decref(s);
      return changes;
    };
    const kept: Obj[] = [];
    const got = {
      plain: count(() => {}, x),
      hashed: count((s) => void h.hash(s), x),
      shared: count((s) => {
        h.incref(s);
        kept.push(s);
      }, x),
      "ascii+latin1": count(() => {}, e),
    };
    expect(got).toEqual(facts.str_inplace_blocked);
    for (const k of kept) h.decref(k);
    h.decref(x);
    h.decref(e);
    expect(h.walk()).toEqual([]);
    expectHealthy(h);
  });

  it("never touches static strings or the empty string; a move is alloc + free in the event ring, a growth in place a resize", () => {
    const h = fresh();
    const x = h.newStr("x");
    expect(h.strAppendInPlace(h.emptyStr, x)).toBe(0);
    expect(h.strAppendInPlace(x, x)).toBe(0);
    let s = h.newStrUncached("0123456789abcde"); // 15 characters: 64 bytes, the last that fits its class
    h.events.enable(64);
    s = h.strAppendInPlace(s, x);
    const evs = h.events.drain().events.filter((ev) => ev.kind === "alloc" || ev.kind === "free");
    expect(evs.map((ev) => ev.kind)).toEqual(["alloc", "free"]);
    expect(evs[0]).toMatchObject({ obj: s, type: h.types.str, blockSize: 80 });
    expect(h.getI32(s, abi.STR_LENGTH)).toBe(16);
    // growing inside the block: no alloc or free, a resize event for the same object
    const same = h.strAppendInPlace(s, x);
    expect(same).toBe(s);
    expect(h.events.drain().events).toEqual([{ kind: "resize", obj: s, type: h.types.str, blockSize: 80 }]);
    expect(h.readStr(s)).toBe("0123456789abcdexx");
    h.decref(s);
    h.decref(x);
    expectHealthy(h);
  });
});

describe("str append in place past 512 bytes (the large allocator's realloc)", () => {
  it("grows into the free space after the block without moving, and moves when a live block follows", () => {
    const h = fresh();
    const x = h.newStr("x");
    let s = h.newStrUncached("a".repeat(600));
    const start = s;
    const live0 = h.liveBytes();
    const block0 = h.blockSize(s);
    for (let i = 0; i < 3000; i++) {
      const r = h.strAppendInPlace(s, x);
      expect(r).not.toBe(0);
      s = r;
    }
    // libc's realloc extends a chunk into free space after it; so does the large allocator now
    expect(s).toBe(start);
    expect(h.readStr(s)).toBe("a".repeat(600) + "x".repeat(3000));
    // the bytes in use follow the block's size (and go back to 0 when everything is freed, below)
    expect(h.blockSize(s)).toBeGreaterThanOrEqual(48 + 3600 + 1);
    expect(h.liveBytes()).toBe(live0 - block0 + h.blockSize(s));
    // a large block allocated right after it: the next append that needs more room must move the string
    const wall = h.newStrUncached("w".repeat(1000));
    expect(wall).toBeGreaterThan(s);
    let moved = 0;
    for (let i = 0; i < 64; i++) {
      const before = s;
      s = h.strAppendInPlace(s, x);
      expect(s).not.toBe(0);
      if (s !== before) moved++;
    }
    expect(moved).toBeGreaterThan(0);
    expect(h.readStr(s)).toBe("a".repeat(600) + "x".repeat(3064));
    h.decref(wall);
    h.decref(s);
    h.decref(x);
    expect(h.walk()).toEqual([]);
    expect(h.liveBytes()).toBe(0);
    expectHealthy(h);
  });
});
