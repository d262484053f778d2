/**
 * The part of `@pyheap/heap` the VM calls, written down as an interface so the VM has one place that
 * names it. `asHeapApi` checks at start-up that the loaded heap has every function the VM needs and
 * reports what is missing by name.
 *
 * Ownership is as documented in packages/heap/API.md: "new" results are owned by the caller, "borrowed"
 * ones must be increfed to be kept, arguments are borrowed unless the name says Steal.
 */

/** Object addresses (0 = NULL) and data-driven type descriptors are the binding's own types. */
import type { Obj, TypeDesc } from "@pyheap/heap";
export type { Obj, TypeDesc };

export interface GcStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export interface GcApi {
  collect(gen?: number): number;
  enable(): void;
  disable(): void;
  isEnabled(): boolean;
  getCount(): [number, number, number];
  setThreshold(t0: number, t1?: number, t2?: number): void;
  getThreshold(): [number, number, number];
  getStats(): GcStats[];
  getObjects(gen?: number): Obj[];
  isTracked(o: Obj): boolean;
  isFinalized(o: Obj): boolean;
  track(o: Obj): void;
  untrack(o: Obj): void;
  freeze(): void;
  unfreeze(): void;
  getFreezeCount(): number;
  setDebug(flags: number): void;
  setGarbageList(list: Obj): void;
  setBlocked(b: boolean): void;
  getReferents?(o: Obj): Obj[];
  getReferrers?(objs: Obj[]): Obj[];
}

/** The heap surface used by the VM. */
export interface HeapApi {
  readonly None: Obj;
  readonly True: Obj;
  readonly False: Obj;
  readonly Ellipsis: Obj;
  readonly NotImplemented: Obj;
  readonly types: Record<string, Obj>;
  readonly gc: GcApi;
  /** The heap memory as 32-bit words (re-made when memory grows: read it again after any allocation). */
  readonly i32: Int32Array;

  idOf(o: Obj): number;
  incref(o: Obj): void;
  decref(o: Obj): void;
  /** decref of an exact int (its deallocation runs no hook). */
  decrefInt(o: Obj): void;
  xincref(o: Obj): void;
  xdecref(o: Obj): void;
  refcnt(o: Obj): number;
  typeOf(o: Obj): Obj;
  sizeOf(o: Obj): number;
  /** What sys.getsizeof adds to `__sizeof__` for an object of type t (GC link, managed dict pointers). */
  preHeaderSize(t: Obj): number;
  blockSize(o: Obj): number;

  registerType(desc: TypeDesc): Obj;
  getSlot(o: Obj, off: number): Obj;
  setSlot(o: Obj, off: number, v: Obj): void;
  setSlotSteal(o: Obj, off: number, v: Obj): void;
  getI32(o: Obj, off: number): number;
  setI32(o: Obj, off: number, v: number): void;
  getF64(o: Obj, off: number): number;
  setF64(o: Obj, off: number, v: number): void;
  newObject(type: Obj, nitems?: number, values?: boolean): Obj;
  /** Instances of str / int / float subclasses holding a copy of a built-in value (new references). */
  newStrSub(t: Obj, s: Obj): Obj;
  newIntSub(t: Obj, i: Obj): Obj;
  newFloatSub(t: Obj, x: number): Obj;
  newBytesSub(t: Obj, b: Obj): Obj;
  /** Offset of the instance dict word of an int/tuple-subclass instance (0 for other objects). */
  varDictOffset(o: Obj): number;
  /** The frozenset hash of a set-layout object (frozenset subclasses too), never through the hook. */
  frozensetHash?(o: Obj): bigint;

  newInt(v: number | bigint): Obj;
  /** newInt of a JS number holding an integer. */
  newIntValue(v: number): Obj;
  newIntDigits(v: bigint, spare?: number): Obj;
  /** newIntDigits(BigInt(v), spare) for a number v holding an integer: in one call of the core when v is
   *  a safe integer. New reference. */
  newIntSpare(v: number, spare: number): Obj;
  /** The int result x (with `spare` extra digits; the shared small int in −5..256) made, then the caller's
   *  references to the exact ints a and b released (a first), in at most one call of the core: what
   *  newIntSpare (or newIntValue for a small result) then decrefInt(a), decrefInt(b) do. New reference. */
  intResultRelease(x: number, spare: number, a: Obj, b: Obj): Obj;
  /** BINARY_OP `op` (its oparg) on two exact ints of at most one digit, in one core call: the result (a new
   *  reference) made, then a and b released (steals both). 0 when it does not apply, nothing changed. */
  intBinarySmall(a: Obj, b: Obj, op: number): Obj;
  /** super().name for an instance in one core call: a super object of type superT for (type, self,
   *  type(self)), a method of type methodT for (func, self), the super object released. New reference to
   *  the method, or 0 with nothing done (the caller takes the general path). */
  superBind(superT: Obj, methodT: Obj, type: Obj, self: Obj, func: Obj): Obj;
  /** COMPARE_OP `op` on two exact ints of at most two digits, in one core call: True or False (a new
   *  reference), then a and b released (steals both). 0 when it does not apply, nothing changed. */
  intCompareSmall(a: Obj, b: Obj, op: number): Obj;
  readInt(o: Obj): bigint;
  intToNumber(o: Obj): number;
  newFloat(x: number): Obj;
  readFloat(o: Obj): number;
  newStr(s: string): Obj;
  newStrUncached(s: string): Obj;
  /** A str outside the allocator's pools, never freed (CPython's identifier strings). Borrowed. */
  newStaticStr(s: string): Obj;
  readStr(o: Obj): string;
  /** A str's length in code points. */
  strLength(o: Obj): number;
  /** The `n` code points at start, start + step, … of a str as text (only those read). */
  strPart(o: Obj, start: number, step: number, n: number): string;
  /** A new str of the strs `parts` joined by the str `sep` (0: none), copied in the heap: always a fresh
   *  object except the shared '' for an empty result (_PyUnicode_JoinArray's result). */
  strJoin(parts: readonly Obj[], sep?: Obj): Obj;
  /** strJoin of the last n of `parts` made in the core, which releases them and takes them off `parts`:
   *  the new str, or 0 with nothing changed when it does not join them there. */
  strJoinPop(parts: Obj[], n: number): Obj;
  /** strJoin of the n items of an exact list's or tuple's item array (borrowed), made in the core: the
   *  new str, or 0 when an item is no str or it does not join them there. */
  strJoinItems(items: number, n: number, sep: Obj): Obj;
  /** The decimal digits of an exact int. */
  intDecimal(o: Obj): string;
  /** str() of an exact int below 2^60 made in the core in one call: a NEW reference to a fresh str of its
   *  digits (never a cached one-character str); 0 for a bigger int (use intDecimal). */
  intDecimalStr(o: Obj): Obj;
  /** The shared empty str. */
  readonly emptyStr: Obj;
  /** `left += right` in place when left may be modified (takes over the reference to left); 0 = not possible. */
  strAppendInPlace(left: Obj, right: Obj): Obj;
  /** The core's hash (cached in str and bytes objects, as CPython caches it). */
  hash(o: Obj): bigint;
  newBytes(b: Uint8Array): Obj;
  /** A fresh bytes object even for one byte (bytes(n), bytes(tuple), upper()…). */
  newBytesUncached?(b: Uint8Array): Obj;
  readBytes(o: Obj): Uint8Array;
  newTuple(items: Obj[]): Obj;
  newTupleSteal(items: Obj[]): Obj;
  tupleGet(t: Obj, i: number): Obj;

  newList(items: Obj[], how?: "display" | "list()" | "extend-empty"): Obj;
  listAppend(l: Obj, v: Obj): void;
  /** listAppend taking the caller's reference to v (dropped when the append fails). */
  listAppendSteal(l: Obj, v: Obj): void;
  listInsert(l: Obj, i: number, v: Obj): void;
  listPop(l: Obj, i: number): Obj;
  listGet(l: Obj, i: number): Obj;
  listSet(l: Obj, i: number, v: Obj): void;
  listLen(l: Obj): number;
  listCapacity(l: Obj): number;
  listClear(l: Obj): void;
  listExtend(l: Obj, items: Obj[]): void;
  listExtendIter(l: Obj, items: Obj[], lengthHint?: number): void;
  listReserve?(l: Obj, n: number): void;

  newDict(how?: "display" | "dict()"): Obj;
  dictSet(d: Obj, k: Obj, v: Obj): void;
  dictGet(d: Obj, k: Obj): Obj;
  dictDel(d: Obj, k: Obj): boolean;
  dictLen(d: Obj): number;
  dictNext(d: Obj, pos: number): number;
  dictKeyAt(d: Obj, pos: number): Obj;
  dictValueAt(d: Obj, pos: number): Obj;
  dictClear(d: Obj): void;
  dictCopy?(d: Obj): Obj;

  newSet?(items: Obj[], frozen: boolean): Obj;
  setAdd?(s: Obj, k: Obj): void;
  setDiscard?(s: Obj, k: Obj): boolean;
  setContains?(s: Obj, k: Obj): boolean;
  setLen?(s: Obj): number;
  setNext?(s: Obj, pos: number): number;
  setKeyAt?(s: Obj, pos: number): Obj;
  setClear?(s: Obj): void;

  attrGet(o: Obj, name: Obj): Obj;
  attrSet(o: Obj, name: Obj, v: Obj): void;
  attrDel(o: Obj, name: Obj): boolean;
  attrDict(o: Obj): Obj;
  managedDict(o: Obj): Obj;
  setManagedDict?(o: Obj, d: Obj): void;
  intern?(s: Obj): Obj;
  /** Set by the VM: called as the heap frees a str whose state says interned (see VM.internTable). */
  onStrUninterned?: ((s: Obj) => void) | undefined;
  lastStatus?(): number;
  check?(): unknown;
  walk?(): Obj[];
  liveBytes?(): number;
}

/** Names of the functions the VM cannot run without. */
const REQUIRED = [
  "idOf", "incref", "decref", "refcnt", "typeOf", "sizeOf", "registerType", "getSlot", "setSlot",
  "setSlotSteal", "getI32", "setI32", "newObject", "newInt", "readInt", "newFloat", "readFloat", "newStr",
  "readStr", "strLength", "strPart", "newTuple", "tupleGet", "newList", "listAppend", "listAppendSteal", "listGet", "listSet", "listLen", "decrefInt", "newIntValue",
  "strJoin", "strJoinPop", "strJoinItems", "intDecimal", "intDecimalStr", "newIntSpare", "intResultRelease",
  "intBinarySmall", "intCompareSmall", "superBind",
] as const;

/** Check the loaded heap against the interface; returns the names that are missing. */
export function missingHeapFunctions(h: Record<string, unknown>): string[] {
  return REQUIRED.filter((k) => typeof h[k] !== "function");
}
