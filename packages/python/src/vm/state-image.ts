/**
 * The JavaScript side of an interpreter saved once and put back in place before each reuse: the own
 * properties of an object (the VM) and, to a fixed depth, the arrays, Maps, Sets and plain objects
 * reachable from them (the type table and each TypeInfo's method tables and caches, the interned-string
 * map, the module registry…). Restoring writes only what differs, into the same container objects, so
 * closures that captured a container keep seeing the live one.
 *
 * Plain objects below the root's own containers (TypeInfos, native-function entries) are records whose
 * fields never change after set-up: they are frozen when captured (a write would throw, ES modules being
 * strict) instead of compared field by field on every restore, which would cost more than everything
 * else here. The containers they hold (a TypeInfo's Maps and arrays) are saved and restored as usual.
 *
 * Maps and Sets are compared in order (their iteration order is state too: shutdown releases modules
 * in reverse order of import).
 *
 * Relies on: all mutable interpreter state being reachable through own properties (no state hidden in
 * closures of natives: such a native keeps its state in a VM field instead). Class instances other than
 * the root (the heap binding, frames) are kept by reference, never looked into.
 */

/** Saved contents of one container, restored in place. */
type Saved =
  | { kind: "array"; target: unknown[]; items: unknown[] }
  | { kind: "map"; target: Map<unknown, unknown>; keys: unknown[]; values: unknown[] }
  | { kind: "set"; target: Set<unknown>; items: unknown[] }
  | { kind: "object"; target: Record<string, unknown>; keys: string[]; values: unknown[] };

/** What captureState() saved; restoreState() puts it back. */
export interface StateImage {
  /** The root's own properties first, then the containers found below them. */
  readonly saved: readonly Saved[];
  /** Root properties left alone (set per use), and how many of them the root had when captured. */
  readonly skip: readonly string[];
  readonly rootSkipped: number;
}

function isPlain(x: object): boolean {
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

/**
 * Saves `root`'s own properties (but `skip`) and, up to `depth` levels below them, the contents of the
 * arrays, Maps, Sets and plain objects found (Map keys are not looked into; Map values, array items and
 * property values are). Plain objects two levels down or more are frozen, not saved (see above).
 */
export function captureState(root: object, depth: number, skip: readonly string[] = []): StateImage {
  const saved: Saved[] = [];
  const seen = new Set<object>([root]);
  const visit = (x: unknown, level: number): void => {
    if (x === null || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    const deeper = level < depth;
    if (Array.isArray(x)) {
      saved.push({ kind: "array", target: x, items: x.slice() });
      if (deeper) for (const v of x) visit(v, level + 1);
    } else if (x instanceof Map) {
      saved.push({ kind: "map", target: x, keys: [...x.keys()], values: [...x.values()] });
      if (deeper) for (const v of x.values()) visit(v, level + 1);
    } else if (x instanceof Set) {
      saved.push({ kind: "set", target: x, items: [...x] });
    } else if (isPlain(x)) {
      if (level < 2) saveObject(x as Record<string, unknown>, [], level);
      else {
        Object.freeze(x);
        if (deeper) for (const v of Object.values(x)) visit(v, level + 1);
      }
    }
  };
  const saveObject = (o: Record<string, unknown>, without: readonly string[], level: number): void => {
    const keys = Object.keys(o).filter((k) => !without.includes(k));
    saved.push({ kind: "object", target: o, keys, values: keys.map((k) => o[k]) });
    if (level < depth) for (const k of keys) visit(o[k], level + 1);
  };
  saveObject(root as Record<string, unknown>, skip, 0);
  const rootSkipped = skip.filter((k) => Object.prototype.hasOwnProperty.call(root, k)).length;
  return { saved, skip, rootSkipped };
}

/** Puts back everything captureState() saved (same container objects, same contents, same property
 *  order: properties added since are deleted, newest first, which lets V8 go back to the earlier shape). */
export function restoreState(image: StateImage): void {
  for (const s of image.saved) {
    switch (s.kind) {
      case "array": {
        const t = s.target;
        const items = s.items;
        if (t.length !== items.length) t.length = items.length;
        for (let i = 0; i < items.length; i++) if (t[i] !== items[i]) t[i] = items[i];
        break;
      }
      case "map": {
        const t = s.target;
        if (t.size === s.keys.length && sameMap(t, s.keys, s.values)) break;
        t.clear();
        for (let i = 0; i < s.keys.length; i++) t.set(s.keys[i], s.values[i]);
        break;
      }
      case "set": {
        const t = s.target;
        if (t.size === s.items.length && sameSet(t, s.items)) break;
        t.clear();
        for (const x of s.items) t.add(x);
        break;
      }
      case "object": {
        const t = s.target;
        const keys = s.keys;
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          if (t[k] !== s.values[i]) t[k] = s.values[i];
        }
        // properties added since (the saved ones are all present now)
        const isRoot = s === image.saved[0];
        let n = 0;
        if (isRoot) n = Object.keys(t).length;
        else for (const _ in t) n++;
        if (n === keys.length + (isRoot ? image.rootSkipped : 0)) break;
        const wanted = new Set<string>(keys);
        if (isRoot) for (const k of image.skip) wanted.add(k);
        const now = Object.keys(t);
        for (let i = now.length - 1; i >= 0; i--) if (!wanted.has(now[i]!)) delete t[now[i]!];
        break;
      }
    }
  }
}

/** True when map m has exactly these entries in this order (sizes already equal). */
function sameMap(m: Map<unknown, unknown>, keys: unknown[], values: unknown[]): boolean {
  if (keys.length === 0) return true;
  let i = 0;
  for (const k of m.keys()) if (k !== keys[i++]) return false;
  i = 0;
  for (const v of m.values()) if (v !== values[i++]) return false;
  return true;
}

/** True when set t has exactly these items in this order (sizes already equal). */
function sameSet(t: Set<unknown>, items: unknown[]): boolean {
  let i = 0;
  for (const x of t) if (x !== items[i++]) return false;
  return true;
}
