/**
 * Per-compilation-unit constant merging (CPython 3.11's `merge_consts_recursive`): a constant is keyed by
 * its type and value; the first descriptor registered under a key is the one every code object of the unit
 * uses, and tuple/frozenset items are merged element by element.
 */
import type { ConstValue } from "../parse/ast.js";
import type { CodeObject, Const } from "./code.js";

/** Identifier-like strings (ASCII letters, digits, `_`, including '') are interned at compile time. */
export function isInternable(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

function floatKey(v: number): string {
  if (Object.is(v, -0)) return "-0";
  return Number.isNaN(v) ? "nan" : String(v);
}

function bytesKey(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/** Key under which Python's set would consider two constants equal (1 == 1.0 == True). */
export function setKey(v: ConstValue): string {
  switch (v.t) {
    case "bool": return "n" + (v.v ? "1" : "0");
    case "int": return "n" + v.v.toString();
    case "float": return Number.isInteger(v.v) ? "n" + BigInt(v.v).toString() : "n" + floatKey(v.v);
    case "complex": return v.im === 0 ? setKey({ t: "float", v: v.re }) : constKey(v);
    case "tuple": return "t" + JSON.stringify(v.items.map(setKey));
    default: return constKey(v);
  }
}

/** The merge key of a constant value (type and value; 1, 1.0 and True differ, 0.0 and -0.0 differ). */
export function constKey(v: ConstValue): string {
  switch (v.t) {
    case "none": return "N";
    case "ellipsis": return "E";
    case "bool": return v.v ? "T" : "F";
    case "int": return "i" + v.v.toString();
    case "float": return "f" + floatKey(v.v);
    case "complex": return "c" + floatKey(v.re) + "," + floatKey(v.im);
    case "str": return "s" + v.v;
    case "bytes": return "b" + bytesKey(v.v);
    case "tuple": return "t" + JSON.stringify(v.items.map(constKey));
    case "frozenset": {
      const seen = new Set<string>();
      const keys: string[] = [];
      for (const x of v.items) {
        if (seen.has(setKey(x))) continue;
        seen.add(setKey(x));
        keys.push(constKey(x));
      }
      return "z" + JSON.stringify(keys.sort());
    }
  }
}

/** The constants of one compilation unit. */
export class UnitConsts {
  private readonly cache = new Map<string, Const>();
  /** Every distinct descriptor, in order of creation. */
  readonly all: Const[] = [];

  /**
   * The canonical descriptor for a value. `fromSource`: the value was created by the parser or the
   * folder (the unit's arena references it) rather than by the code generator.
   */
  get(v: ConstValue, fromSource: boolean): Const {
    const key = constKey(v);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const arenaRefs = fromSource ? 1 : 0;
    let c: Const;
    switch (v.t) {
      case "none": c = { kind: "none", arenaRefs }; break;
      case "ellipsis": c = { kind: "ellipsis", arenaRefs }; break;
      case "bool": c = { kind: "bool", value: v.v, arenaRefs }; break;
      case "int": c = { kind: "int", value: v.v, arenaRefs }; break;
      case "float": c = { kind: "float", value: v.v, arenaRefs }; break;
      case "complex": c = { kind: "complex", real: v.re, imag: v.im, arenaRefs }; break;
      case "str": c = { kind: "str", value: v.v, interned: isInternable(v.v), arenaRefs }; break;
      case "bytes": c = { kind: "bytes", value: v.v, arenaRefs }; break;
      // items always come from the source (the code generator only builds the container)
      case "tuple": c = { kind: "tuple", items: v.items.map((x) => this.get(x, true)), arenaRefs }; break;
      case "frozenset": {
        // NOTE: CPython replaces a frozenset constant by a new one built from the merged items, so the
        // arena never references the frozenset in co_consts; when it came from the AST optimizer
        // (`x in {1, 2}`), the optimizer's own frozenset stays in the arena and keeps the items it
        // registered first alive: one more reference on each of them.
        const seen = new Set<string>();
        const items: Const[] = [];
        for (const x of v.items) {
          const sk = setKey(x);
          if (seen.has(sk)) continue;
          seen.add(sk);
          const k = constKey(x);
          const isNew = !this.cache.has(k);
          const item = this.get(x, true);
          if (fromSource && isNew) (item as { arenaRefs: number }).arenaRefs += 1;
          items.push(item);
        }
        c = { kind: "frozenset", items, arenaRefs: 0 };
        break;
      }
    }
    this.cache.set(key, c);
    this.all.push(c);
    return c;
  }

  /** The canonical tuple of already-canonical descriptors (a tuple the code generator builds). */
  tupleOf(items: Const[]): Const {
    const key = "t" + JSON.stringify(items.map((c) => this.keyOf(c)));
    const hit = this.cache.get(key);
    if (hit) return hit;
    const c: Const = { kind: "tuple", items, arenaRefs: 0 };
    this.cache.set(key, c);
    this.all.push(c);
    return c;
  }

  private keyOf(c: Const): string {
    switch (c.kind) {
      case "none": return "N";
      case "ellipsis": return "E";
      case "bool": return c.value ? "T" : "F";
      case "int": return "i" + c.value.toString();
      case "float": return "f" + floatKey(c.value);
      case "complex": return "c" + floatKey(c.real) + "," + floatKey(c.imag);
      case "str": return "s" + c.value;
      case "bytes": return "b" + bytesKey(c.value);
      case "tuple": return "t" + JSON.stringify(c.items.map((x) => this.keyOf(x)));
      case "frozenset": return "z" + JSON.stringify([...new Set(c.items.map((x) => this.keyOf(x)))].sort());
      case "code": return "code" + this.all.indexOf(c);
    }
  }

  /** A descriptor for a nested code object (never merged). */
  code(co: CodeObject): Const {
    const c: Const = { kind: "code", code: co, arenaRefs: 0 };
    this.all.push(c);
    return c;
  }
}
