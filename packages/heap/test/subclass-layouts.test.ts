// Instances of str / int / float / tuple subclasses (layouts "str", "int", "float", "tuple" with a
// dict word at the end): sizes, blocks, dict placement, GC tracking, traversal order and release,
// against python3's numbers (test/data/cpython-subclass-facts.json, made by cpython-subclass-facts.py).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Heap, Obj, TypeDesc } from "../src/index.js";
import { expectHealthy, fresh } from "./helpers.js";

const facts = JSON.parse(readFileSync(new URL("./data/cpython-subclass-facts.json", import.meta.url), "utf8"));

type TypeFacts = { basicsize: number; itemsize: number; dictoffset: number; weakrefoffset: number; gc: boolean; managed_dict: boolean };

/** A class registered as the interpreter registers `class X(base): pass`, from python3's type facts. */
function subclass(h: Heap, name: "S" | "I" | "F" | "T" | "B" | "K" | "Z", layout: TypeDesc["layout"], base: Obj): Obj {
  const f: TypeFacts = facts.types[name];
  return h.registerType({
    name,
    layout,
    base,
    basicsize: f.basicsize,
    itemsize: f.itemsize,
    gc: f.gc,
    heapType: true,
    managedDict: f.managed_dict,
    // a negative dict offset of one word: the dict is the body's last word
    varDict: f.dictoffset === -8,
    weaklistOffset: f.weakrefoffset,
  });
}

/** The type names of o's referents, in traversal order (gc.get_referents). */
function referentNames(h: Heap, o: Obj, names: Map<Obj, string>): string[] {
  return h.gc.getReferents(o).map((r) => names.get(h.typeOf(r)) ?? "?");
}

function typeNames(h: Heap, ...own: [Obj, string][]): Map<Obj, string> {
  const m = new Map<Obj, string>([[h.types.type, "type"], [h.types.dict, "dict"], [h.types.int, "int"], [h.types.list, "list"]]);
  for (const [t, n] of own) m.set(t, n);
  return m;
}

describe("str subclass instances: the legacy PyUnicodeObject with a separate character block", () => {
  it("the facts were produced by CPython 3.11", () => {
    expect(facts.version).toMatch(/^3\.11\./);
  });

  it("the classes are sized as python3's: a managed-dict class counts its shared keys", () => {
    const h = fresh();
    const bases = { S: h.types.str, I: h.types.int, F: h.types.float, T: h.types.tuple, B: h.types.bytes };
    const layouts = { S: "str", I: "int", F: "float", T: "tuple", B: "bytes" } as const;
    for (const name of ["S", "I", "F", "T", "B"] as const) {
      const t = subclass(h, name, layouts[name], bases[name]);
      expect([name, h.sizeOf(t)]).toEqual([name, facts.types[name].sizeof]);
    }
  });

  it("sys.getsizeof, block size, text, GC tracking and traversal as python3", () => {
    const h = fresh();
    const S = subclass(h, "S", "str", h.types.str);
    const names = typeNames(h);
    for (const f of facts.str) {
      const src = h.newStr(f.value);
      const o = h.newStrSub(S, src);
      expect([f.value, h.sizeOf(o)]).toEqual([f.value, f.sizeof]);
      expect(h.sizeOf(src)).toBe(f.exact_sizeof);
      expect(h.blockSize(o)).toBe(f.block);
      expect(h.readStr(o)).toBe(f.value);
      expect(h.typeOf(o)).toBe(S);
      expect(h.gc.isTracked(o)).toBe(f.tracked);
      expect(referentNames(h, o, names)).toEqual(f.referents);
      // the state word says "not compact" and the characters are outside the object's block
      const state = h.getI32(o, 32);
      expect((state & (1 << 5)) !== 0).toBe(f.state_compact);
      const data = h.getI32(o, 72) >>> 0;
      expect(data < o || data >= o + h.blockSize(o)).toBe(f.data_outside);
      h.decref(o);
      h.decref(src);
    }
    expectHealthy(h);
  });

  it("the hash cached in the str is copied into the instance (its hash word at +24)", () => {
    const h = fresh();
    const S = subclass(h, "S", "str", h.types.str);
    const src = h.newStr("key text");
    h.hash(src);
    const o = h.newStrSub(S, src);
    const word = (x: Obj) => [h.getI32(x, 24), h.getI32(x, 28)];
    expect(word(o)[0] !== -1 && word(o).join() === word(src).join()).toBe(facts.str_hash_word_copied);
    h.decref(o);
    h.decref(src);
  });

  it("an attribute materializes the managed dict; getsizeof stays python3's", () => {
    const h = fresh();
    const S = subclass(h, "S", "str", h.types.str);
    const src = h.newStr("xyz");
    const o = h.newStrSub(S, src);
    const name = h.newStr("attr");
    h.attrSet(o, name, h.newInt(1));
    expect(h.sizeOf(o)).toBe(facts.str_with_attr.sizeof);
    expect(referentNames(h, o, typeNames(h))).toEqual(facts.str_with_attr.referents);
    h.decref(name);
    h.decref(o);
    h.decref(src);
    expectHealthy(h);
  });

  it("freeing an instance returns both blocks and releases the class", () => {
    const h = fresh();
    const S = subclass(h, "S", "str", h.types.str);
    const src = h.newStr("é".repeat(40));
    const before = h.liveBytes();
    const classRefs = h.refcnt(S);
    const o = h.newStrSub(S, src);
    expect(h.refcnt(S)).toBe(classRefs + 1);
    expect(h.liveBytes()).toBe(before + h.blockSize(o) + h.core.obj_buffers_size(o));
    h.decref(o);
    expect(h.liveBytes()).toBe(before);
    expect(h.refcnt(S)).toBe(classRefs);
    expectHealthy(h);
  });
});

describe("int subclass instances: digits in place, the dict in the body's last word", () => {
  it("sys.getsizeof, block size, value, dict offset and traversal as python3", () => {
    const h = fresh();
    const I = subclass(h, "I", "int", h.types.int);
    const names = typeNames(h);
    for (const f of facts.int) {
      const v = BigInt(f.value);
      const src = h.newInt(v);
      const o = h.newIntSub(I, src);
      expect([f.value, h.sizeOf(o)]).toEqual([f.value, f.sizeof]);
      expect([f.value, h.blockSize(o)]).toEqual([f.value, f.block]);
      expect(h.readInt(o)).toBe(v);
      expect(h.gc.isTracked(o)).toBe(f.tracked);
      expect(referentNames(h, o, names)).toEqual(f.referents);
      expect([f.value, h.varDictOffset(o)]).toEqual([f.value, f.dict_offset]);
      const d = h.newDict();
      h.setSlotSteal(o, h.varDictOffset(o), d);
      expect(referentNames(h, o, names)).toEqual(f.referents_with_dict);
      h.decref(o);
      h.decref(src);
      expectHealthy(h);
    }
  });

  it("a cycle through the instance dict is collected", () => {
    const h = fresh();
    const I = subclass(h, "I", "int", h.types.int);
    const src = h.newInt(12345);
    const o = h.newIntSub(I, src);
    const d = h.newDict();
    h.setSlotSteal(o, h.varDictOffset(o), d);
    const key = h.newStr("me");
    h.dictSet(d, key, o);
    h.decref(key);
    h.gc.collect();
    const before = h.liveBytes();
    h.decref(o);
    expect(h.gc.collect()).toBe(2);
    expect(h.liveBytes()).toBeLessThan(before);
    h.decref(src);
    expectHealthy(h);
  });
});

describe("float subclass instances", () => {
  it("sys.getsizeof, block size, value, tracking and traversal as python3", () => {
    const h = fresh();
    const F = subclass(h, "F", "float", h.types.float);
    const names = typeNames(h);
    const o = h.newFloatSub(F, 1.5);
    expect(h.sizeOf(o)).toBe(facts.float.sizeof);
    expect(h.blockSize(o)).toBe(facts.float.block);
    expect(h.readFloat(o)).toBe(1.5);
    expect(h.gc.isTracked(o)).toBe(facts.float.tracked);
    expect(referentNames(h, o, names)).toEqual(facts.float.referents);
    const name = h.newStr("attr");
    h.attrSet(o, name, h.newInt(1));
    expect(referentNames(h, o, names)).toEqual(facts.float.referents_with_attr);
    h.decref(name);
    h.decref(o);
    expectHealthy(h);
  });

  it("a dying instance is freed, not parked on the float free list", () => {
    const h = fresh();
    const F = subclass(h, "F", "float", h.types.float);
    const o = h.newFloatSub(F, 2.5);
    const before = h.liveBytes();
    const size = h.blockSize(o);
    h.decref(o);
    expect(h.liveBytes()).toBe(before - size);
    expectHealthy(h);
  });
});

describe("tuple subclass instances", () => {
  it("sys.getsizeof, block size (one spare item), dict offset and traversal as python3", () => {
    const h = fresh();
    const T = subclass(h, "T", "tuple", h.types.tuple);
    const names = typeNames(h);
    for (const f of facts.tuple) {
      const o = h.newObject(T, f.n);
      for (let i = 0; i < f.n; i++) h.setSlotSteal(o, 24 + 8 * i, h.newInt(1000 + i));
      expect([f.n, h.sizeOf(o)]).toEqual([f.n, f.sizeof]);
      expect([f.n, h.blockSize(o)]).toEqual([f.n, f.block]);
      expect(h.gc.isTracked(o)).toBe(f.tracked);
      expect([f.n, h.varDictOffset(o)]).toEqual([f.n, f.dict_offset]);
      h.setSlotSteal(o, h.varDictOffset(o), h.newDict());
      expect(referentNames(h, o, names)).toEqual(f.referents_with_dict);
      h.decref(o);
      expectHealthy(h);
    }
  });
});

describe("bytes subclass instances", () => {
  it("sys.getsizeof, block size (one spare byte), bytes, dict offset and traversal as python3", () => {
    const h = fresh();
    const B = subclass(h, "B", "bytes", h.types.bytes);
    const names = typeNames(h);
    for (const f of facts.bytes) {
      const data = new TextEncoder().encode(f.value);
      const src = h.newBytes(data);
      const o = h.newBytesSub(B, src);
      expect([f.value, h.sizeOf(o)]).toEqual([f.value, f.sizeof]);
      expect([f.value, h.blockSize(o)]).toEqual([f.value, f.block]);
      expect(h.readBytes(o)).toEqual(data);
      expect(h.gc.isTracked(o)).toBe(f.tracked);
      expect([f.value, h.varDictOffset(o)]).toEqual([f.value, f.dict_offset]);
      h.setSlotSteal(o, h.varDictOffset(o), h.newDict());
      expect(referentNames(h, o, names)).toEqual(f.referents_with_dict);
      h.decref(o);
      h.decref(src);
      expectHealthy(h);
    }
  });
});

describe("complex and frozenset subclass instances", () => {
  it("a complex subclass instance made by its base's constructor has no values array; size and block as python3", () => {
    const h = fresh();
    // complex is a registered static type (the interpreter's), 32 bytes: header + two doubles
    const complex = h.registerType({ name: "complex", basicsize: 32 });
    const K = subclass(h, "K", undefined, complex);
    expect(h.sizeOf(K)).toBe(facts.types.K.sizeof);
    const o = h.newObject(K, 0, false);
    h.setF64(o, 16, 1);
    h.setF64(o, 24, 2);
    expect(h.sizeOf(o)).toBe(facts.complex.sizeof);
    expect(h.blockSize(o)).toBe(facts.complex.block);
    expect(h.gc.isTracked(o)).toBe(facts.complex.tracked);
    expect(h.core.obj_values_capacity(o)).toBe(0);
    expect(h.core.obj_buffers_size(o)).toBe(0);
    // object_new's path (newObject with values) gives the instance its values array right away
    const p = h.newObject(K);
    expect(h.core.obj_values_capacity(p)).toBeGreaterThan(0);
    h.decref(p);
    h.decref(o);
    expectHealthy(h);
  });

  it("frozenset hashes (exact and subclass instances) are python3's for int members; sizes too", () => {
    const h = fresh();
    const Z = subclass(h, "Z", "set", h.types.frozenset);
    expect(h.sizeOf(Z)).toBe(facts.types.Z.sizeof);
    for (const f of facts.frozenset_hashes) {
      const items = f.items.map((v: number) => h.newInt(BigInt(v)));
      const fs = h.newSet(items, true);
      const z = h.newObject(Z, 0, false);
      for (const x of items) h.setAdd(z, x);
      expect([f.items, h.hash(fs)]).toEqual([f.items, BigInt(f.hash)]);
      expect([f.items, h.frozensetHash(fs)]).toEqual([f.items, BigInt(f.hash)]);
      expect([f.items, h.frozensetHash(z)]).toEqual([f.items, BigInt(f.sub_hash)]);
      expect([f.items, h.sizeOf(z)]).toEqual([f.items, f.sub_sizeof]);
      h.decref(z);
      h.decref(fs);
      for (const x of items) h.decref(x);
    }
    expectHealthy(h);
  });
});
