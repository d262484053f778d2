import { describe, expect, it } from "vitest";
import type { AllocatorState as TraceAllocatorState, NextBlockView } from "@pyheap/python";
import { allocatorStateAt, allocatorView, POOL_OVERHEAD, POOL_SIZE } from "../src/model/allocator.js";
import { frame, obj, step, trace } from "./fixtures/build.js";

describe("allocatorView", () => {
  it("groups objects by size class and 16 KiB pool, with block indexes", () => {
    const base = 0x7f00_0000_0000n;
    const at = (pool: number, block: number, size: number): string => String(base + BigInt(pool * POOL_SIZE + POOL_OVERHEAD + block * size));
    const objs = [
      obj(1, "int", "1000", 1, { id: at(0, 0, 32), blockSize: 32 }),
      obj(2, "int", "1001", 1, { id: at(0, 5, 32), blockSize: 32 }),
      obj(3, "int", "1002", 1, { id: at(2, 1, 32), blockSize: 32 }),
      obj(4, "list", "[]", 1, { id: at(1, 0, 64), blockSize: 64 }),
      obj(5, "bytes", "b'…'", 1, { id: at(9, 0, 1), blockSize: 2048 }),
      obj(6, "int", "0", 1000, { id: at(3, 0, 32), blockSize: 0, immortalish: true }),
    ];
    const v = allocatorView(new Map(objs.map((o) => [o.serial, o])));
    expect(v.classes.map((c) => [c.blockSize, c.index, c.objects])).toEqual([
      [32, 1, 3],
      [64, 3, 1],
    ]);
    const c32 = v.classes[0]!;
    expect(c32.pools.map((p) => p.address)).toEqual([String(base), String(base + 2n * BigInt(POOL_SIZE))]);
    expect(c32.pools[0]!.blocks).toEqual([
      { index: 0, serial: 1 },
      { index: 5, serial: 2 },
    ]);
    expect(c32.pools[0]!.capacity).toBe(510); // (16384 - 48) // 32, as python3's _debugmallocstats reports
    expect(v.large.map((o) => o.serial)).toEqual([5]);
  });

  const base = 0x7f00_0000_0000n;
  const addr = (pool: number, block: number, size: number): string => String(base + BigInt(pool * POOL_SIZE + POOL_OVERHEAD + block * size));
  const nb = (size: number, address: string, source: NextBlockView["source"]): NextBlockView => ({ size, address, source });
  const all = (over: NextBlockView[]): NextBlockView[] =>
    Array.from({ length: 32 }, (_, c) => over.find((b) => b.size === 16 * (c + 1)) ?? nb(16 * (c + 1), addr(40 + c, 0, 16 * (c + 1)), "new-pool"));

  it("materialises the next blocks from the latest full record and the changes after it", () => {
    const steps = [0, 1, 2, 3].map((i) => step(i, i + 1, [frame("<module>", i + 1, {})]));
    const withAlloc = (i: number, a: TraceAllocatorState) => (steps[i]!.allocator = a);
    withAlloc(0, { full: true, nextBlock: all([nb(32, addr(0, 3, 32), "bump")]), freeLists: [] });
    withAlloc(1, { nextBlock: [nb(32, addr(0, 1, 32), "free-list")], freeLists: [{ type: "float", count: 1, next: addr(0, 1, 32) }] });
    withAlloc(3, { full: true, nextBlock: all([nb(64, addr(2, 0, 64), "new-pool")]), freeLists: [] });
    const t = trace("x", steps);
    expect(allocatorStateAt(t, 0)!.next.get(32)).toEqual(nb(32, addr(0, 3, 32), "bump"));
    // step 2 records nothing: the state after step 1 holds
    for (const i of [1, 2]) {
      const s = allocatorStateAt(t, i)!;
      expect(s.next.get(32)).toEqual(nb(32, addr(0, 1, 32), "free-list"));
      expect(s.next.size).toBe(32);
      expect(s.freeLists.map((f) => f.type)).toEqual(["float"]);
    }
    const s3 = allocatorStateAt(t, 3)!;
    expect(s3.next.get(32)!.source).toBe("new-pool");
    expect(s3.freeLists).toEqual([]);
    expect(allocatorStateAt(trace("x", [step(0, 1, [])]), 0)).toBeNull();
  });

  it("marks the next block in its pool, adding the pool when no drawn object lives there", () => {
    const objs = [obj(1, "int", "1000", 1, { id: addr(0, 0, 32), blockSize: 32 }), obj(2, "list", "[]", 1, { id: addr(1, 0, 64), blockSize: 64 })];
    const state = { next: new Map([[32, nb(32, addr(0, 7, 32), "bump")], [64, nb(64, addr(5, 0, 64), "new-pool")]]), freeLists: [] };
    const v = allocatorView(new Map(objs.map((o) => [o.serial, o])), state);
    const [c32, c64] = v.classes;
    expect(c32!.next).toMatchObject({ index: 7, poolIndex: 0, source: "bump", pool: String(base) });
    expect(c64!.pools.map((p) => p.blocks.length)).toEqual([1, 0]);
    expect(c64!.next).toMatchObject({ index: 0, poolIndex: 1, source: "new-pool", pool: String(base + 5n * BigInt(POOL_SIZE)) });
    expect(v.hasNext).toBe(true);
    expect(allocatorView(new Map(objs.map((o) => [o.serial, o]))).hasNext).toBe(false);
  });
});
