// dictNext / dictKeyAt / dictValueAt read a combined table's entries from memory instead of calling the
// core: they must give what the core's dict_next / dict_key_at / dict_value_at give, for str-only
// ("unicode") and general tables, with deleted entries, after resizes, for empty dicts and for split
// tables (instance dicts of a class with shared keys, which still go to the core).
import { describe, expect, it } from "vitest";
import { loadHeap, type Heap, type Obj } from "../src/index.js";

function viaCore(h: Heap, d: Obj): [number, Obj, Obj][] {
  const out: [number, Obj, Obj][] = [];
  for (let ix = h.core.dict_next(d, 0); ix >= 0; ix = h.core.dict_next(d, ix + 1)) {
    out.push([ix, h.core.dict_key_at(d, ix) >>> 0, h.core.dict_value_at(d, ix) >>> 0]);
  }
  return out;
}

function viaBinding(h: Heap, d: Obj): [number, Obj, Obj][] {
  const out: [number, Obj, Obj][] = [];
  for (let p = h.dictNext(d, -1); p >= 0; p = h.dictNext(d, p)) out.push([p, h.dictKeyAt(d, p), h.dictValueAt(d, p)]);
  return out;
}

describe("dict iteration read from memory", () => {
  for (const debug of [false, true]) {
    it(`gives the core's entries (${debug ? "debug" : "release"} core)`, () => {
      const h = loadHeap({ debug });
      const dicts: Obj[] = [];
      const empty = h.newDict();
      dicts.push(empty);
      for (const n of [1, 5, 8, 40, 700]) {
        const strs = h.newDict();
        const mixed = h.newDict();
        for (let i = 0; i < n; i++) {
          const k = h.newStr(`key${i}`);
          const v = h.newInt(i * 3);
          h.dictSet(strs, k, v);
          const ik = h.newInt(100_000 + i);
          h.dictSet(mixed, i % 3 === 0 ? k : ik, v);
          h.decref(k);
          h.decref(v);
          h.decref(ik);
        }
        // holes: every third entry deleted, one put back at the end
        for (let i = 0; i < n; i += 3) {
          const k = h.newStr(`key${i}`);
          h.dictDel(strs, k);
          h.decref(k);
        }
        const again = h.newStr("key0");
        h.dictSet(strs, again, h.None);
        h.decref(again);
        dicts.push(strs, mixed);
      }
      // a split table: an instance of a class with shared keys
      const cls = h.registerType({ name: "C", basicsize: 16, managedDict: true, heapType: true });
      const inst = h.newObject(cls);
      for (const name of ["a", "b", "c"]) {
        const k = h.newStr(name);
        h.attrSet(inst, k, h.True);
        h.decref(k);
      }
      dicts.push(h.attrDict(inst));
      for (const d of dicts) {
        const want = viaCore(h, d);
        expect(viaBinding(h, d)).toEqual(want);
        expect(want.length).toBe(h.dictLen(d));
      }
      expect(viaCore(h, dicts[dicts.length - 1]!).length).toBe(3);
      expect(h.check()).toEqual({ ok: true });
    });
  }
});
