// Finalizers and weakref callbacks that run arbitrary heap operations in the middle of deallocation and
// collection (as __del__ and callbacks written in Python do): random programs must never trap, keep the
// invariant checker green, run each finalizer at most once per object, and leave nothing behind once
// every reference is dropped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Obj } from "../src/index.js";
import { fresh, slotType } from "./helpers.js";

type Act = { k: "alloc" } | { k: "link"; a: number; s: number; b: number } | { k: "drop"; a: number } | { k: "collect"; g: number };
const actArb: fc.Arbitrary<Act> = fc.oneof(
  fc.constant({ k: "alloc" as const }),
  fc.record({ k: fc.constant("link" as const), a: fc.nat(30), s: fc.nat(1), b: fc.nat(30) }),
  fc.record({ k: fc.constant("drop" as const), a: fc.nat(30) }),
  fc.record({ k: fc.constant("collect" as const), g: fc.nat(2) }),
);
// what a finalizer does: resurrect itself into a global list, break its own links, allocate, collect
type Fin = "nothing" | "resurrect" | "unlink" | "alloc-cycle" | "collect" | "drop-global";
const finArb = fc.constantFrom<Fin>("nothing", "resurrect", "unlink", "alloc-cycle", "collect", "drop-global");

describe("re-entrant finalizers and callbacks", () => {
  it("random programs with busy __del__ methods stay consistent", () => {
    fc.assert(
      fc.property(fc.array(actArb, { maxLength: 60 }), fc.array(finArb, { minLength: 1, maxLength: 8 }), (acts, fins) => {
        let serial = 0;
        let closing = false;
        const serialOf = new Map<Obj, number>();
        const finalized = new Set<number>();
        let finIndex = 0;
        const h = fresh({
          hooks: {
            finalize: (o) => {
              const s = serialOf.get(o)!;
              expect(finalized.has(s)).toBe(false); // PEP 442: at most once
              finalized.add(s);
              if (closing) return;
              const what = fins[finIndex++ % fins.length]!;
              if (what === "resurrect") h.listAppend(global, o);
              else if (what === "unlink") h.setSlot(o, 16, 0);
              else if (what === "alloc-cycle") {
                const x = alloc();
                h.setSlot(x, 16, x);
                h.decref(x);
              } else if (what === "collect") h.gc.collect(0);
              else if (what === "drop-global" && h.listLen(global) > 0) h.decref(h.listPop(global, 0));
            },
            weakrefCallback: () => {
              if (closing) return;
              const x = alloc();
              h.decref(x);
            },
          },
        });
        const Node = slotType(h, 2, { finalizer: true, weaklistOffset: 32, basicsize: 40 });
        const global = h.newList();
        const held: Obj[] = [];
        const cb = h.newList();
        const weakrefs: Obj[] = [];
        function alloc(): Obj {
          const o = h.newObject(Node);
          serialOf.set(o, ++serial);
          if (serial % 3 === 0 && !closing) weakrefs.push(h.newWeakref(o, cb));
          return o;
        }
        h.gc.setThreshold(5, 2, 2);
        for (const act of acts) {
          if (act.k === "alloc") held.push(alloc());
          else if (act.k === "link" && held.length) {
            h.setSlot(held[act.a % held.length]!, 16 + 8 * act.s, held[act.b % held.length]!);
          } else if (act.k === "drop" && held.length) {
            h.decref(held.splice(act.a % held.length, 1)[0]!);
          } else if (act.k === "collect") h.gc.collect(act.g);
          expect(h.check()).toEqual({ ok: true });
        }
        // drop everything; from now on finalizers and callbacks do nothing (else each collection's garbage
        // would make new garbage forever, as it would in Python)
        closing = true;
        for (const o of held) h.decref(o);
        for (const w of weakrefs) h.decref(w);
        for (let i = 0; i < 20 && h.walk().some((o) => h.typeOf(o) === Node); i++) {
          h.listClear(global);
          h.gc.collect();
        }
        h.decref(cb);
        h.decref(global);
        h.gc.collect();
        expect(h.check()).toEqual({ ok: true });
        expect(h.walk().filter((o) => h.typeOf(o) === Node)).toEqual([]);
        expect(h.isRetired).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
