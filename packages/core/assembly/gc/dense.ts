// deduce_unreachable over dense side tables. CPython walks the generation list three times touching
// every object and, through tp_traverse, every child twice (subtract_refs and move_unreachable): with
// objects scattered in memory each of those is a cache miss, and each waits for the previous one
// because the walk follows the list's links. Here:
//   1. one list walk numbers the objects (the number sits in the GC_REFS word), copies refcounts into
//      a dense array and records each object's children as raw addresses in traverse order;
//   2. one loop over that address array (independent iterations, so the misses on the children
//      overlap) turns each address into a child number, drops children outside the set, and subtracts
//      the internal references — a compact CSR child array results;
//   3. move_unreachable runs on the arrays only;
//   4. both lists are rewritten in the order found, each GC head written once.
// The result — which objects are unreachable, the order of both lists, the gc_refs values — is exactly
// CPython's: the array walk replays its list walk step by step (`order` is the young list as it grows
// at the tail, `unreach` the tentative unreachable list, entries moved back are blanked).
//
// Pass 1 also notes which objects are exact tuples or dicts, so that the collector's untrack walks
// afterwards visit only those (or nothing when there are none) instead of the whole list again.
//
// Side tables live in memory obtained from memory.grow and are kept for the next collection; they
// are not part of the Python heap (like CPython's C stack).
import { PREV_MASK_COLLECTING, PREV_MASK_FINALIZED, EV_GC_REFS, EV_GC_PHASE, GCP_SUBTRACT_REFS, GCP_MOVE_UNREACHABLE, EV_UNTRACK } from "../../abi/abi";
import { ev, evOn } from "../events";
import { growPages } from "../common";
import { gcNext, gcObj, gcFlags, refcnt, typeOf, isGcType, gcRefs, gcHead } from "../object/header";
import { traverse, VISIT_ADDR, setEdgeBuffer, setEdgeGrower, edgeLen, edgeBuf } from "./traverse";
import { tTuple, tDict } from "../object/types";
import { tupleCanUntrack } from "../object/tuple";
import { dictCanUntrack } from "../object/dict";
import { untrack } from "./lists";

// tInfo bits: the object's kind (exact tuple / dict), FINALIZED as found, and its state in the
// move_unreachable replay
export const KIND_TUPLE: u8 = 1;
export const KIND_DICT: u8 = 2;
const KIND_FINALIZED: u8 = 4;
const ST_MASK: u8 = 0x18;
const ST_PENDING: u8 = 0; // not scanned yet
const ST_DONE: u8 = 8; // scanned, reachable
const ST_UNREACH: u8 = 0x10; // in the tentative unreachable list
const MOVED: u8 = 0x20; // moved back from `unreach` to the young list's tail
const BLANK: u32 = 0xffffffff; // an edge to an object outside the set

let cap: u32 = 0;
let tAddr: usize = 0; // GC head address
let tRefs: usize = 0; // gc_refs
let tInfo: usize = 0; // bits above
let tStart: usize = 0; // first edge of each object (n + 1 entries)
let tOrder: usize = 0; // objects moved back to the young list, in order
let eBuf: usize = 0;
let eCap: u32 = 0;
let expectObjects: u32 = 0; // objects of the list being numbered (an estimate while unknown)
let numbered: u32 = 0;

/** Objects in the last dense pass's young list, and how many were exact tuples / dicts. */
export let denseDone: u32 = 0;
export let denseTuples: u32 = 0;
export let denseDicts: u32 = 0;
let denseN: u32 = 0;
let denseMoved: u32 = 0;

/** Room for `n` objects; the first `keep` entries of tAddr, tRefs, tInfo and tStart are carried over.
 *  (Only pages written are ever touched, so the capacity may round up freely.) */
function ensureObjects(n: u32, keep: u32): bool {
  if (n <= cap) return true;
  let c: u32 = cap == 0 ? 4096 : cap;
  while (c < n) c *= 2;
  const bytes = <usize>c * 17 + 64;
  const r = growPages(<i32>((bytes + 0xffff) >> 16));
  if (r == 0) return false;
  const a = r;
  const rf = a + (<usize>c << 2);
  const st = rf + (<usize>c << 2);
  const od = st + (<usize>(c + 1) << 2);
  const inf = od + (<usize>c << 2);
  if (keep > 0) {
    memory.copy(a, tAddr, <usize>keep << 2);
    memory.copy(rf, tRefs, <usize>keep << 2);
    memory.copy(inf, tInfo, <usize>keep);
    memory.copy(st, tStart, <usize>keep << 2);
  }
  cap = c;
  tAddr = a;
  tRefs = rf;
  tStart = st;
  tOrder = od;
  tInfo = inf;
  return true;
}

function growEdgeTable(): bool {
  let c: u32 = eCap == 0 ? 16384 : eCap * 2;
  if (numbered > 0 && expectObjects > numbered) {
    // size for the whole list at the edge density seen so far, plus an eighth
    const need = <u64>edgeLen + <u64>edgeLen * <u64>(expectObjects - numbered) / <u64>numbered * 9 / 8 + 4096;
    if (need > <u64>c && need < 0x40000000) c = <u32>need;
  }
  const end = <usize>memory.size() << 16;
  if (eCap > 0 && eBuf + (<usize>eCap << 2) == end) {
    // the table ends the memory (nothing was allocated after it): grow it in place, no copy and no
    // page touched twice (pages handed out elsewhere are left unused and the table is copied)
    const more = <i32>(((<usize>(c - eCap) << 2) + 0xffff) >> 16);
    if (growPages(more) == end) {
      eCap += <u32>(<usize>more << 14);
      setEdgeBuffer(eBuf, eCap, edgeLen);
      return true;
    }
  }
  const pages = <i32>(((<usize>c << 2) + 0xffff) >> 16);
  const b = growPages(pages);
  if (b == 0) return false;
  if (edgeLen > 0) memory.copy(b, edgeBuf, <usize>edgeLen << 2);
  eBuf = b;
  eCap = <u32>(<usize>pages << 14);
  setEdgeBuffer(b, eCap, edgeLen);
  return true;
}

let edgeOverflow = false;
function growEdgesOrFlag(): bool {
  if (growEdgeTable()) return true;
  edgeOverflow = true;
  return false;
}

/** update_refs + subtract_refs + move_unreachable for `base`. Returns false (having changed nothing
 *  that update_refs does not redo) when the side tables cannot grow: the caller then walks the lists.
 *  After it: `base` holds the objects reachable from outside it in CPython's order with COLLECTING
 *  cleared, `unreachable` (empty on entry) the rest in CPython's order with COLLECTING set; GC_REFS
 *  words are 0; denseDone/denseTuples/denseDicts describe the young list. */
export function deduceDense(base: usize, unreachable: usize, g: i32): bool {
  // (the caller has sent the update_refs phase event)
  if (eCap == 0 && !growEdgeTable()) return false;
  if (cap == 0 && !ensureObjects(4096, 0)) return false;
  setEdgeGrower(growEdgesOrFlag);
  setEdgeBuffer(eBuf, eCap, 0);
  edgeOverflow = false;
  // 1. update_refs: number the objects, gc_refs = refcount, COLLECTING set; children as addresses
  let n: u32 = 0;
  let nt: u32 = 0;
  let nd: u32 = 0;
  expectObjects = cap;
  for (let h = gcNext(base); h != base; h = gcNext(h)) {
    if (n == cap) {
      // the list is longer than the tables: count the rest once and grow to fit
      let rest: u32 = 0;
      for (let x = h; x != base; x = gcNext(x)) rest++;
      if (!ensureObjects(n + rest, n)) return false;
      expectObjects = n + rest;
    }
    const o = gcObj(h);
    const pw = load<u32>(h + 8);
    store<u32>(h + 8, pw | PREV_MASK_COLLECTING);
    store<i32>(h + 12, <i32>n);
    const off = <usize>n << 2;
    store<u32>(tAddr + off, <u32>h);
    store<i32>(tRefs + off, refcnt(o));
    store<u32>(tStart + off, edgeLen);
    const t = typeOf(o);
    let info: u8 = (pw & PREV_MASK_FINALIZED) != 0 ? KIND_FINALIZED : 0;
    if (t == tTuple) {
      info |= KIND_TUPLE;
      nt++;
    } else if (t == tDict) {
      info |= KIND_DICT;
      nd++;
    }
    store<u8>(tInfo + <usize>n, info);
    numbered = n;
    traverse(o, VISIT_ADDR);
    n++;
  }
  numbered = 0;
  if (edgeOverflow) return false;
  store<u32>(tStart + (<usize>n << 2), edgeLen);
  ev(EV_GC_PHASE, <u32>g, GCP_SUBTRACT_REFS, 0);
  // 2. subtract_refs: child addresses → child numbers (BLANK for children outside the set). The
  //    iterations are independent and short, so the cache misses on the children overlap; the
  //    subtraction and compaction into CSR form follow in a second loop that stays in the tables.
  const edges = edgeBuf;
  const total = edgeLen;
  for (let e: u32 = 0; e < total; e++) {
    const p = edges + (<usize>e << 2);
    const c = <usize>load<u32>(p);
    let idx = BLANK;
    if (isGcType(typeOf(c))) {
      const ch = gcHead(c);
      if ((gcFlags(ch) & PREV_MASK_COLLECTING) != 0) idx = <u32>gcRefs(ch);
    }
    store<u32>(p, idx);
  }
  let w: u32 = 0;
  let s = load<u32>(tStart);
  for (let k: u32 = 0; k < n; k++) {
    const e1 = load<u32>(tStart + (<usize>(k + 1) << 2));
    store<u32>(tStart + (<usize>k << 2), w);
    for (let e = s; e < e1; e++) {
      const idx = load<u32>(edges + (<usize>e << 2));
      if (idx == BLANK) continue;
      store<u32>(edges + (<usize>w << 2), idx);
      w++;
      const r = tRefs + (<usize>idx << 2);
      store<i32>(r, load<i32>(r) - 1);
    }
    s = e1;
  }
  store<u32>(tStart + (<usize>n << 2), w);
  if (evOn) {
    for (let k: u32 = 0; k < n; k++) {
      ev(EV_GC_REFS, <u32>gcObj(<usize>load<u32>(tAddr + (<usize>k << 2))), <u32>load<i32>(tRefs + (<usize>k << 2)), <u32>g);
    }
  }
  ev(EV_GC_PHASE, <u32>g, GCP_MOVE_UNREACHABLE, 0);
  // 3. move_unreachable, replayed on the arrays. Positions < n are the original list, positions ≥ n
  //    the objects moved back to its tail (tOrder). An object moved back is never moved out again, and
  //    only objects at their original position are moved out, so the final young list is "DONE at its
  //    original position" in position order followed by tOrder, and the unreachable list is
  //    "UNREACH" in position order.
  let olen: u32 = 0;
  let ulen: u32 = 0;
  for (let p: u32 = 0; p < n + olen; p++) {
    const k = p < n ? p : load<u32>(tOrder + (<usize>(p - n) << 2));
    const ik = tInfo + <usize>k;
    if (load<i32>(tRefs + (<usize>k << 2)) > 0) {
      store<u8>(ik, (load<u8>(ik) & ~ST_MASK) | ST_DONE);
      const e1 = load<u32>(tStart + (<usize>(k + 1) << 2));
      for (let e = load<u32>(tStart + (<usize>k << 2)); e < e1; e++) {
        const j = load<u32>(edges + (<usize>e << 2));
        const ij = tInfo + <usize>j;
        const inf = load<u8>(ij);
        const st = inf & ST_MASK;
        if (st == ST_UNREACH) {
          store<u8>(ij, (inf & ~ST_MASK) | MOVED);
          store<u32>(tOrder + (<usize>olen << 2), j);
          olen++;
          ulen--;
          store<i32>(tRefs + (<usize>j << 2), 1);
        } else if (st == ST_PENDING && load<i32>(tRefs + (<usize>j << 2)) == 0) {
          store<i32>(tRefs + (<usize>j << 2), 1);
        }
      }
    } else {
      store<u8>(ik, load<u8>(ik) | ST_UNREACH);
      ulen++;
    }
  }
  // 4. rewrite both lists in the order found; each head is written once (next, prev | flags, refs 0)
  let prev = base;
  for (let k: u32 = 0; k < n; k++) {
    const inf = load<u8>(tInfo + <usize>k);
    if ((inf & (ST_MASK | MOVED)) != ST_DONE) continue;
    prev = linkAfter(prev, k, inf, 0);
  }
  for (let i: u32 = 0; i < olen; i++) {
    const k = load<u32>(tOrder + (<usize>i << 2));
    prev = linkAfter(prev, k, load<u8>(tInfo + <usize>k), 0);
  }
  store<u32>(prev, <u32>base);
  store<u32>(base + 8, <u32>prev);
  prev = unreachable;
  if (ulen > 0) {
    for (let k: u32 = 0; k < n; k++) {
      const inf = load<u8>(tInfo + <usize>k);
      if ((inf & ST_MASK) != ST_UNREACH) continue;
      prev = linkAfter(prev, k, inf, PREV_MASK_COLLECTING);
    }
  }
  store<u32>(prev, <u32>unreachable);
  store<u32>(unreachable + 8, <u32>prev);
  denseN = n;
  denseMoved = olen;
  denseDone = n - ulen;
  denseTuples = nt;
  denseDicts = nd;
  return true;
}

/** Appends object k after `prev` (its next is written by the following call or by the caller). */
@inline function linkAfter(prev: usize, k: u32, inf: u8, flags: u32): usize {
  const cur = <usize>load<u32>(tAddr + (<usize>k << 2));
  const fin: u32 = (inf & KIND_FINALIZED) != 0 ? PREV_MASK_FINALIZED : 0;
  store<u32>(prev, <u32>cur);
  store<u64>(cur + 8, <u64>(<u32>prev | flags | fin));
  return cur;
}

/** untrack_tuples / untrack_dicts over the young list the last dense pass left: the same objects in
 *  the same order as the list walk, but only those recorded with `kind` are looked at. Returns how
 *  many were untracked. */
export function untrackDense(kind: u8): i32 {
  let c = 0;
  for (let p: u32 = 0; p < denseN + denseMoved; p++) {
    let k: u32;
    if (p < denseN) {
      k = p;
      if ((load<u8>(tInfo + <usize>k) & (ST_MASK | MOVED)) != ST_DONE) continue;
    } else {
      k = load<u32>(tOrder + (<usize>(p - denseN) << 2));
    }
    if ((load<u8>(tInfo + <usize>k) & kind) == 0) continue;
    const o = gcObj(<usize>load<u32>(tAddr + (<usize>k << 2)));
    if (kind == KIND_TUPLE ? tupleCanUntrack(o) : dictCanUntrack(o)) {
      untrack(o);
      ev(EV_UNTRACK, <u32>o, <u32>(kind == KIND_TUPLE ? tTuple : tDict), 0);
      c++;
    }
  }
  return c;
}
