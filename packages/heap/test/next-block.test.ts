// nextBlocks() / freeLists(): the block each size class's next allocation gets, checked against the
// address the allocator then really hands out (LIFO inside a pool, the first used pool, fresh pools and
// arenas), and the type free lists' next object against the next creation.
import { describe, expect, it } from "vitest";
import type { Heap, Obj } from "../src/index.js";
import { expectHealthy, fresh } from "./helpers.js";

/** One plain (non-GC, no pre-header) type per size class: its instances start at their block. */
function classTypes(h: Heap): Obj[] {
  return Array.from({ length: 32 }, (_, c) => h.registerType({ name: `B${c}`, basicsize: 16 * (c + 1) }));
}

/** Allocates one block of class c after checking that it lands where nextBlocks() said. */
function allocChecked(h: Heap, types: Obj[], c: number): { o: Obj; source: string } {
  const predicted = h.nextBlocks()[c]!;
  const o = h.newObject(types[c]!);
  expect(o, `class ${c} (${predicted.blockSize} B) from ${predicted.source}`).toBe(predicted.block);
  return { o, source: predicted.source };
}

/** A small deterministic generator (the test must fail the same way every time). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  }
}

describe("nextBlocks", () => {
  it("lists the 32 size classes with their block sizes", () => {
    const h = fresh();
    const nb = h.nextBlocks();
    expect(nb.map((b) => b.blockSize)).toEqual(Array.from({ length: 32 }, (_, c) => 16 * (c + 1)));
    for (const b of nb) expect(b.block % 16).toBe(0);
  });

  it("predicts each allocation of several classes, interleaved, from virgin space", () => {
    const h = fresh();
    const types = classTypes(h);
    const sources = new Set<string>();
    for (let i = 0; i < 60; i++) for (const c of [0, 1, 3, 7, 15, 31]) sources.add(allocChecked(h, types, c).source);
    // class 31 (31 blocks a pool) needs a second pool within 60 allocations
    expect([...sources].sort()).toEqual(["bump", "new-pool"]);
    expectHealthy(h);
  });

  it("after frees: the last block freed comes back first (LIFO), then the untouched space", () => {
    const h = fresh();
    const types = classTypes(h);
    for (const c of [1, 4, 20]) {
      const objs = Array.from({ length: 12 }, () => allocChecked(h, types, c).o);
      for (const i of [5, 9, 2]) h.decref(objs[i]!);
      const p = h.nextBlocks()[c]!;
      expect(p.source).toBe("free-list");
      expect(p.block).toBe(objs[2]);
      expect(allocChecked(h, types, c).o).toBe(objs[2]);
      expect(allocChecked(h, types, c).o).toBe(objs[9]);
      expect(allocChecked(h, types, c).o).toBe(objs[5]);
      const next = allocChecked(h, types, c);
      expect(next.source).toBe("bump");
      expect(next.o).toBe(objs[11]! + 16 * (c + 1));
    }
    expectHealthy(h);
  });

  it("a full pool that gets a block back becomes the class's first pool", () => {
    const h = fresh();
    const types = classTypes(h);
    const c = 31; // 512-byte blocks, 31 to a pool
    const first: Obj[] = [];
    // fill a pool (at least one whole pool) until the next allocation needs a new pool
    do first.push(allocChecked(h, types, c).o);
    while (first.length < 31 || h.nextBlocks()[c]!.source !== "new-pool");
    const second = allocChecked(h, types, c);
    expect(second.source).toBe("new-pool");
    const victim = first[first.length - 3]!;
    h.decref(victim);
    expect(h.nextBlocks()[c]).toMatchObject({ block: victim, source: "free-list" });
    expect(allocChecked(h, types, c).o).toBe(victim);
    expectHealthy(h);
  });

  it("an emptied pool serves the next class that needs a pool; its own class gets its free chain back", () => {
    const h = fresh();
    const types = classTypes(h);
    const a = 29;
    const b = 30;
    // make sure neither class has a used pool with free blocks of its own (start both in fresh pools)
    while (h.nextBlocks()[a]!.source !== "new-pool") allocChecked(h, types, a);
    while (h.nextBlocks()[b]!.source !== "new-pool") allocChecked(h, types, b);
    const objs = Array.from({ length: 3 }, () => allocChecked(h, types, a).o);
    const pool = objs[0]! - 48;
    expect(pool % 16384).toBe(0);
    for (const o of [objs[1]!, objs[0]!, objs[2]!]) h.decref(o);
    // the pool is empty now: class b, which needs a pool, would get it from the start
    expect(h.nextBlocks()[b]).toMatchObject({ block: pool + 48, source: "new-pool" });
    // class a would take it back with its chain intact: the block freed last first
    expect(h.nextBlocks()[a]).toMatchObject({ block: objs[2], source: "new-pool" });
    expect(allocChecked(h, types, a).o).toBe(objs[2]);
    expectHealthy(h);
  });

  it("predicts a new arena when every pool of the arenas is taken", () => {
    const h = fresh();
    const types = classTypes(h);
    let guard = 0;
    while (h.nextBlocks()[31]!.source !== "new-arena") {
      allocChecked(h, types, 31);
      if (++guard > 10000) throw new Error("no new arena after 10000 blocks of 512 bytes");
    }
    const before = h.stats().arenas;
    const r = allocChecked(h, types, 31);
    expect(r.source).toBe("new-arena");
    // arenas are 1 MiB regions of 64 KiB pages: the first pool starts the region
    expect(r.o % 65536).toBe(48);
    expect(h.stats().arenas).toBe(before + 1);
    expectHealthy(h);
  });

  it("random allocations and frees over every class: each allocation lands where predicted", () => {
    const h = fresh();
    const types = classTypes(h);
    const rnd = lcg(20261125);
    const live: Obj[] = [];
    const sources = new Map<string, number>();
    for (let step = 0; step < 6000; step++) {
      if (live.length > 0 && rnd() < 0.45) {
        const i = Math.floor(rnd() * live.length);
        h.decref(live[i]!);
        live[i] = live[live.length - 1]!;
        live.pop();
      } else {
        // favour a few classes so that pools fill up, empty and get reused
        const c = rnd() < 0.6 ? [0, 2, 6, 31][Math.floor(rnd() * 4)]! : Math.floor(rnd() * 32);
        const r = allocChecked(h, types, c);
        sources.set(r.source, (sources.get(r.source) ?? 0) + 1);
        live.push(r.o);
      }
    }
    expect(sources.get("free-list")).toBeGreaterThan(100);
    expect(sources.get("bump")).toBeGreaterThan(100);
    expect(sources.get("new-pool")).toBeGreaterThan(10);
    for (const o of live) h.decref(o);
    expectHealthy(h);
  });
});

describe("freeLists", () => {
  it("names the parked object the next float, list, dict and tuple creation takes back", () => {
    const h = fresh();
    const byType = (type: string, length?: number) => h.freeLists().find((f) => f.type === type && f.length === length)!;
    expect(h.freeLists()).toHaveLength(23);

    const f1 = h.newFloat(1.5);
    const f2 = h.newFloat(2.5);
    const floatsBefore = byType("float").count;
    h.decref(f1);
    h.decref(f2);
    expect(byType("float")).toEqual({ type: "float", count: floatsBefore + 2, next: f2 });
    expect(h.newFloat(3.5)).toBe(f2);
    expect(byType("float").next).toBe(f1);

    const t = h.newTupleSteal([h.newInt(1000), h.newInt(1001)]);
    h.decref(t);
    expect(byType("tuple", 2)).toMatchObject({ count: 1, next: t });
    expect(h.newTupleSteal([h.newInt(7), h.newInt(8)])).toBe(t);
    expect(byType("tuple", 2)).toMatchObject({ count: 0, next: 0 });

    const l = h.newList();
    h.decref(l);
    expect(byType("list").next).toBe(l);
    expect(h.newList()).toBe(l);

    const d = h.newDict();
    h.decref(d);
    expect(byType("dict").next).toBe(d);
    expect(h.newDict()).toBe(d);
    expectHealthy(h);
  });

  it("a float from an empty float free list comes from pymalloc's 32-byte class, as predicted", () => {
    const h = fresh();
    const byFloat = () => h.freeLists().find((f) => f.type === "float")!;
    // empty the float free list first
    const held: Obj[] = [];
    while (byFloat().count > 0) held.push(h.newFloat(0.5));
    const predicted = h.nextBlocks()[1]!;
    expect(h.newFloat(9.25)).toBe(predicted.block);
    for (const o of held) h.decref(o);
    expectHealthy(h);
  });
});
