import { describe, expect, it } from "vitest";
import { allocatorView, POOL_OVERHEAD, POOL_SIZE } from "../src/model/allocator.js";
import { obj } from "./fixtures/build.js";

describe("allocatorView", () => {
  it("groups objects by size class and 4 KiB pool, with block indexes", () => {
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
    expect(c32.pools[0]!.capacity).toBe(Math.floor((4096 - 48) / 32));
    expect(v.large.map((o) => o.serial)).toEqual([5]);
  });
});
