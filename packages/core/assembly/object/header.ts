// Accessors for the object header, the pre-headers and type-object fields (layouts drawn in abi/abi.ts).
// Every access to a field goes through one of these; nothing else in the core uses literal offsets.
import {
  OB_REFCNT, OB_TYPE, OB_SIZE, GC_NEXT, GC_PREV, GC_REFS, TP_FLAGS, TP_LAYOUT, TP_BASICSIZE, TP_ITEMSIZE,
  TPF_HAVE_GC, TPF_MANAGED_DICT, TPF_HEAPTYPE, ID_BASE_HIGH, GC_HEAD_SIZE, MANAGED_PRE_SIZE,
} from "../../abi/abi";

@inline export function refcnt(o: usize): i32 {
  return load<i32>(o + OB_REFCNT);
}
@inline export function setRefcnt(o: usize, n: i32): void {
  store<i32>(o + OB_REFCNT, n);
}
@inline export function typeOf(o: usize): usize {
  return <usize>load<u32>(o + OB_TYPE);
}
@inline export function setType(o: usize, t: usize): void {
  store<u64>(o + OB_TYPE, <u64>t);
}
@inline export function obSize(o: usize): i32 {
  return load<i32>(o + OB_SIZE);
}
@inline export function setObSize(o: usize, n: i32): void {
  store<i64>(o + OB_SIZE, <i64>n);
}
@inline export function incref(o: usize): void {
  store<i32>(o + OB_REFCNT, load<i32>(o + OB_REFCNT) + 1);
}

// 8-byte reference slots: the address lives in the low word, the high word stays 0.
@inline export function getRef(p: usize): usize {
  return <usize>load<u32>(p);
}
@inline export function setRef(p: usize, v: usize): void {
  store<u64>(p, <u64>v);
}

// ── type fields ─────────────────────────────────────────────────────────────────────────────────
@inline export function tpFlags(t: usize): u32 {
  return load<u32>(t + TP_FLAGS);
}
@inline export function tpLayout(t: usize): i32 {
  return load<i32>(t + TP_LAYOUT);
}
@inline export function tpBasicsize(t: usize): i32 {
  return load<i32>(t + TP_BASICSIZE);
}
@inline export function tpItemsize(t: usize): i32 {
  return load<i32>(t + TP_ITEMSIZE);
}
@inline export function isGcType(t: usize): bool {
  return (tpFlags(t) & TPF_HAVE_GC) != 0;
}
@inline export function isGcObject(o: usize): bool {
  return (tpFlags(typeOf(o)) & TPF_HAVE_GC) != 0;
}
@inline export function hasManagedDict(t: usize): bool {
  return (tpFlags(t) & TPF_MANAGED_DICT) != 0;
}
@inline export function isHeapType(t: usize): bool {
  return (tpFlags(t) & TPF_HEAPTYPE) != 0;
}
/** Address of the instance dict word of an object whose type has TPF_VAR_DICT (subclasses of int and
 *  tuple: CPython's tp_dictoffset −8, resolved per object as _PyObject_DictPointer does): the last 8-byte
 *  word of basicsize + itemsize · |ob_size| rounded up to 8. */
@inline export function varDictPtr(o: usize, t: usize): usize {
  const n = obSize(o);
  const body = <usize>tpBasicsize(t) + <usize>tpItemsize(t) * <usize>(n < 0 ? -n : n);
  return o + ((body + 7) & ~(<usize>7)) - 8;
}
/** Bytes before the object address: GC head (16) and managed-dict pre-header (16). */
@inline export function preHeaderSize(t: usize): usize {
  const f = tpFlags(t);
  return ((f & TPF_HAVE_GC) != 0 ? <usize>GC_HEAD_SIZE : 0) + ((f & TPF_MANAGED_DICT) != 0 ? <usize>MANAGED_PRE_SIZE : 0);
}

// ── GC head ────────────────────────────────────────────────────────────────────────────────────
// The generation lists link GC heads (address = object − 16); node → object is +16.
@inline export function gcHead(o: usize): usize {
  return o - GC_HEAD_SIZE;
}
@inline export function gcObj(g: usize): usize {
  return g + GC_HEAD_SIZE;
}
@inline export function gcNext(g: usize): usize {
  return <usize>load<u32>(g + (GC_NEXT + GC_HEAD_SIZE));
}
@inline export function gcSetNext(g: usize, n: usize): void {
  store<u32>(g + (GC_NEXT + GC_HEAD_SIZE), <u32>n);
}
@inline export function gcPrevRaw(g: usize): u32 {
  return load<u32>(g + (GC_PREV + GC_HEAD_SIZE));
}
@inline export function gcPrev(g: usize): usize {
  return <usize>(load<u32>(g + (GC_PREV + GC_HEAD_SIZE)) & ~3);
}
@inline export function gcSetPrev(g: usize, p: usize): void {
  const a = g + (GC_PREV + GC_HEAD_SIZE);
  store<u32>(a, (<u32>p & ~3) | (load<u32>(a) & 3));
}
@inline export function gcFlags(g: usize): u32 {
  return load<u32>(g + (GC_PREV + GC_HEAD_SIZE)) & 3;
}
@inline export function gcSetFlags(g: usize, f: u32): void {
  const a = g + (GC_PREV + GC_HEAD_SIZE);
  store<u32>(a, (load<u32>(a) & ~3) | f);
}
@inline export function gcRefs(g: usize): i32 {
  return load<i32>(g + (GC_REFS + GC_HEAD_SIZE));
}
@inline export function gcSetRefs(g: usize, n: i32): void {
  store<i32>(g + (GC_REFS + GC_HEAD_SIZE), n);
}

/** id() of an object, as f64 (exact: below 2^53). */
@inline export function idOf(o: usize): f64 {
  return <f64>ID_BASE_HIGH * 4294967296.0 + <f64>o;
}

export { OB_SIZE, TP_BASICSIZE, TP_ITEMSIZE };
