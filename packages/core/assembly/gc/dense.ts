// deduce_unreachable over dense side tables. CPython walks the generation list three times touching
// every object and, through tp_traverse, every child twice (subtract_refs and move_unreachable): with
// objects scattered in memory each of those is a cache miss, and each waits for the previous one
// because the walk follows the list's links. Here:
//   1. one list walk gives every object a slot and records its refcount and its children's raw
//      addresses (in traverse order);
//   2. one loop over that address array turns each address into a slot by arithmetic — no read of the
//      child — drops the children outside the set and subtracts the internal references;
//   3. move_unreachable runs on the tables only; the objects it finds reachable at their place in the
//      list are relinked as it goes, and only the GC heads whose neighbours change are written (a list
//      that keeps its order is not written at all);
//   4. the objects moved back are linked after them, and the unreachable list is written from its
//      end, each of its heads once.
// The result — which objects are unreachable, the order of both lists, the gc_refs values — is exactly
// CPython's: the table walk replays its list walk step by step (`order` is the young list as it grows
// at the tail, the UNREACH state the tentative unreachable list, MOVED the objects moved back).
//
// Slots. An object in a pymalloc pool takes the slot `poolBase + block index`: the first young object
// met in a pool reserves a run of slots for all the pool's blocks, and the pool table (one entry per
// 16 KiB of memory, i.e. per possible pool) keeps the run's start and the reciprocal of the block size.
// A child's slot is then one lookup in that small table and a multiply, whatever the child is; slots of
// blocks that are not in the set (free blocks, objects of other generations, objects without a GC head)
// hold NOTIN. Objects outside the arenas (blocks of the large allocator, static objects) take a slot of
// their own, written in their GC head's gc_refs word with COLLECTING set for the length of the pass,
// and their 16 KiB region is marked LARGE in the pool table: children there are looked up in the head.
// Pools first met once the runs have become sparse (see SPARSE_SLACK) are treated the same way.
// Pool objects' heads are not written before step 3.
//
// Pass 1 also notes which objects are exact tuples or dicts, so that the collector's untrack walks
// afterwards visit only those (or nothing when there are none) instead of the whole list again.
//
// Side tables live in memory obtained from memory.grow and are kept for the next collection; they
// are not part of the Python heap (like CPython's C stack). They are sized from the number of tracked
// objects before the walk, so the walk never stops to count or copy.
import {
  PREV_MASK_COLLECTING, PREV_MASK_FINALIZED, EV_GC_REFS, EV_GC_PHASE, GCP_SUBTRACT_REFS, GCP_MOVE_UNREACHABLE,
  EV_UNTRACK, POOL_SIZE, POOL_OVERHEAD, TPF_HEAPTYPE, LAYOUT_LIST, LAYOUT_TUPLE, TUPLE_ITEMS, GC_HEAD_SIZE,
  TPF_FINALIZER, LAYOUT_WEAKREF, TP_WEAKLISTOFFSET,
} from "../../abi/abi";
import { ev, evOn } from "../events";
import { growPages, DEBUG } from "../common";
import { gcNext, gcPrevRaw, gcObj, gcFlags, refcnt, typeOf, isGcType, gcRefs, gcHead, tpFlags, tpLayout, obSize } from "../object/header";
import { listItems } from "../object/list";
import { inArena, P_SZIDX } from "../mem/pymalloc";
import { traverse, VISIT_ADDR, setEdgeBuffer, setEdgeGrower, edgeLen, edgeBuf } from "./traverse";
import { tTuple, tDict } from "../object/types";
import { tupleCanUntrack } from "../object/tuple";
import { dictCanUntrack } from "../object/dict";
import { untrack, trackedTotal, phaseMark } from "./lists";

export const KIND_TUPLE: u8 = 1;
export const KIND_DICT: u8 = 2;

// The state word of a slot: 2 state bits, MOVED, and gc_refs below.
const R_DONE: u32 = 0x40000000; // scanned, reachable
const R_UNREACH: u32 = 0x80000000; // in the tentative unreachable list
const R_NOTIN: u32 = 0xc0000000; // not in the set (any word with both state bits set)
const R_STATE: u32 = 0xc0000000;
const R_MOVED: u32 = 0x20000000; // moved back from the unreachable list to the young list's tail
const R_REFS: u32 = 0x1fffffff;
const NOTIN_BYTE: u8 = 0xc0; // memory.fill pattern giving NOTIN words
// Pool table entry (8 bytes): the slot of the run's first block (0: no young object in this 16 KiB,
// LARGE: look in the head), and ⌈2^32 / block size⌉ (0 in the other two cases): (offset in pool − 48) ×
// that >> 32 is the block index, exact for every offset below 16 KiB and every size class (checked
// exhaustively). So pass 2 computes a slot for every address without a test: slot 0 (state NOTIN) for
// the regions without young objects, slot 1 (state LOOKUP) for the LARGE ones; runs start at slot 2.
const LARGE: u32 = 1;
const FIRST_RUN_SLOT: u32 = 2;
const R_LOOKUP: u32 = 0xffffffff; // the state word of slot 1: a LARGE region, the slot is in the head
// When the young objects are scattered over many pools (holes refilled all over a fragmented heap),
// a run of slots per pool would cost more than the objects: once the runs hold more than 4 slots per
// object met so far (plus this slack), pools met afterwards are handled as LARGE regions.
const SPARSE_SLACK: u32 = 16384;
const POOL_SHIFT: usize = 14; // log2(POOL_SIZE)

// position tables (list order)
let posCap: u32 = 0;
let tSlot: usize = 0; // slot of the object at each position
let tOrder: usize = 0; // the EA entries (edge block, head word) of the objects moved back to the young list, in order
let tTouched: usize = 0; // pool table entries written (to clear them afterwards)
// slot tables
let slotCap: u32 = 0;
let sR: usize = 0; // state word (u32)
let sEA: usize = 0; // edge block's address (u32; the block: children…, 0) and head word (u32: GC head address | KIND_*), side by side
let nSlots: u32 = 0;
// pool table
let poolTab: usize = 0;
let poolTabEntries: usize = 0;
let nTouched: u32 = 0;
// edges
let eBuf: usize = 0;
let eCap: u32 = 0;
let expectObjects: u32 = 0; // objects of the list being numbered (an upper bound)
let numbered: u32 = 0;

/** Objects in the last dense pass's young list. */
export let denseDone: u32 = 0;
/** What the types met in the last dense pass ask for: KIND_TUPLE, KIND_DICT (some object was an exact
 *  tuple / dict) and SEEN_WEAK_OR_FINALIZER (some object has a finalizer, is a weak reference or can be
 *  weakly referenced). */
export let denseSeen: u32 = 0;
export const SEEN_WEAK_OR_FINALIZER: u32 = 4;
let denseN: u32 = 0;
/** Objects in the unreachable list the last dense pass wrote. */
export let denseUnreachable: u32 = 0;
let denseMoved: u32 = 0;

/** Largest table capacity (entries): 13 bytes each must stay far below 4 GiB. */
const MAX_ENTRIES: u32 = 1 << 27;

function roundCap(n: u32, min: u32): u32 {
  let c: u32 = min;
  while (c < n && c <= MAX_ENTRIES) c *= 2;
  return c;
}

/** Room for `n` positions. (Only pages written are ever touched, so capacities may round up freely.) */
function ensurePositions(n: u32): bool {
  if (n <= posCap) return true;
  const c = roundCap(n, 4096);
  if (c > MAX_ENTRIES) return false;
  const bytes = <usize>c * 16;
  const r = growPages(<i32>((bytes + 0xffff) >> 16));
  if (r == 0) return false;
  tSlot = r;
  tOrder = r + (<usize>c << 2);
  tTouched = tOrder + (<usize>c << 3);
  posCap = c;
  return true;
}

/** Room for `n` slots; the first `nSlots` are carried over. */
function ensureSlots(n: u32): bool {
  if (n <= slotCap) return true;
  const c = roundCap(n, slotCap == 0 ? 8192 : slotCap * 2);
  if (c > MAX_ENTRIES) return false;
  const bytes = <usize>c * 12 + 16;
  const r = growPages(<i32>((bytes + 0xffff) >> 16));
  if (r == 0) return false;
  const rr = r;
  const e = rr + (<usize>c << 2);
  if (nSlots > 0) {
    memory.copy(rr, sR, <usize>nSlots << 2);
    memory.copy(e, sEA, <usize>nSlots << 3);
  }
  sR = rr;
  sEA = e;
  slotCap = c;
  return true;
}

/** A pool table covering every address below the memory's current end (all zero entries). */
function ensurePoolTable(): bool {
  const need = <usize>memory.size() << (16 - POOL_SHIFT); // (pages · 64 KiB overflows at 4 GiB)
  if (need <= poolTabEntries) return true;
  // cover twice the memory of today, so that the table is not replaced at every collection
  const entries = need * 2;
  const r = growPages(<i32>(((entries << 3) + 0xffff) >> 16));
  if (r == 0) return false;
  poolTab = r;
  poolTabEntries = entries;
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
  // the EA entries hold their blocks' addresses: move them with the table (the entries of slots not
  // numbered in this pass are stale and never read)
  const delta = <u32>(b - eBuf);
  const eaEnd = sEA + (<usize>nSlots << 3);
  for (let p = sEA; p < eaEnd; p += 8) store<u32>(p, load<u32>(p) + delta);
  eBuf = b;
  eCap = <u32>(<usize>pages << 14);
  setEdgeBuffer(b, eCap, edgeLen);
  return true;
}

/** Room for `more` edges after edgeLen (growing as often as needed). */
function growEdgesFor(more: u64): bool {
  while (<u64>edgeLen + more > <u64>eCap) {
    if (!growEdgesOrFlag()) return false;
  }
  return true;
}

let edgeOverflow = false;
function growEdgesOrFlag(): bool {
  if (growEdgeTable()) return true;
  edgeOverflow = true;
  return false;
}

/** Clears the pool table entries this pass wrote. */
function clearPoolTable(): void {
  for (let i: u32 = 0; i < nTouched; i++) {
    store<u64>(poolTab + (<usize>load<u32>(tTouched + (<usize>i << 2)) << 3), 0);
  }
  nTouched = 0;
}

/** First young object in the pool holding `o`: reserves the pool's slots (all NOTIN). Returns the
 *  entry's first word (the run's first slot), or 0 when the slot tables cannot grow. */
function assignPool(o: usize, pe: usize): u32 {
  const pool = o & ~(<usize>POOL_SIZE - 1);
  const size = (load<u32>(pool + P_SZIDX) + 1) << 4;
  const blocks = <u32>(POOL_SIZE - POOL_OVERHEAD) / size;
  if (!ensureSlots(nSlots + blocks)) return 0;
  memory.fill(sR + (<usize>nSlots << 2), NOTIN_BYTE, <usize>blocks << 2);
  const b = nSlots;
  store<u32>(pe, b);
  store<u32>(pe + 4, <u32>(0x100000000 / <u64>size) + 1);
  store<u32>(tTouched + (<usize>nTouched << 2), <u32>(o >> POOL_SHIFT));
  nTouched++;
  nSlots += blocks;
  return b;
}

/** Slot of the block holding `o`, in a pool whose entry is `pe` (first word `b`). */
@inline function poolSlot(o: usize, pe: usize, b: u32): u32 {
  const off = <u64>((<u32>o & (<u32>POOL_SIZE - 1)) - <u32>POOL_OVERHEAD);
  return b + <u32>((off * <u64>load<u32>(pe + 4)) >> 32);
}

/** update_refs + subtract_refs + move_unreachable for `base`. Returns false (having changed nothing
 *  that update_refs does not redo) when the side tables cannot grow: the caller then walks the lists.
 *  After it: `base` holds the objects reachable from outside it in CPython's order with COLLECTING
 *  cleared, `unreachable` (empty on entry) the rest in CPython's order with COLLECTING set; GC_REFS
 *  words are 0; denseDone, denseSeen and denseUnreachable describe both lists.
 *  Each pass is a function of its own, its loop state in locals (module globals are memory in the
 *  engine, and one large function leaves its loops short of registers). */
export function deduceDense(base: usize, unreachable: usize, g: i32): bool {
  // (the caller has sent the update_refs phase event)
  if (!ensurePositions(<u32>trackedTotal + 1)) return false;
  if (!ensureSlots(posCap)) return false;
  if (eCap == 0 && !growEdgeTable()) return false;
  if (!ensurePoolTable()) return false;
  setEdgeGrower(growEdgesOrFlag);
  setEdgeBuffer(eBuf, eCap, 0);
  edgeOverflow = false;
  // slot 0 (NOTIN: no young object in that region; also, 0 ends an edge block) and slot 1 (LOOKUP: a
  // LARGE region) are the answers of the pool table's empty and LARGE entries
  nSlots = FIRST_RUN_SLOT;
  store<u32>(sR, R_NOTIN);
  store<u32>(sR + 4, R_LOOKUP);
  nTouched = 0;
  expectObjects = <u32>trackedTotal;
  const n = numberObjects(base);
  numbered = 0;
  if (n < 0 || edgeOverflow) {
    clearPoolTable();
    return false;
  }
  phaseMark(g, 1);
  ev(EV_GC_PHASE, <u32>g, GCP_SUBTRACT_REFS, 0);
  subtractEdges();
  if (evOn) {
    for (let k: u32 = 0; k < <u32>n; k++) {
      const s = <usize>load<u32>(tSlot + (<usize>k << 2));
      ev(EV_GC_REFS, <u32>gcObj(<usize>(load<u32>(sEA + (s << 3), 4) & HEAD_MASK)), load<u32>(sR + (s << 2)) & R_REFS, <u32>g);
    }
  }
  phaseMark(g, 2);
  ev(EV_GC_PHASE, <u32>g, GCP_MOVE_UNREACHABLE, 0);
  const last = replayMoveUnreachable(base, <u32>n);
  phaseMark(g, 3);
  linkLists(base, unreachable, <u32>n, last);
  clearPoolTable();
  phaseMark(g, 4);
  denseN = <u32>n;
  denseMoved = passMoved;
  denseDone = <u32>n - passUnreach;
  denseUnreachable = passUnreach;
  return true;
}

// results of the passes (module globals: read once after each pass)
let passMoved: u32 = 0;
let passUnreach: u32 = 0;

/** 1. update_refs: walks the list once; each object gets a slot, its refcount goes to the state word,
 *  its children's addresses to its edge block. Returns the number of objects, or −1 when the tables
 *  cannot grow (edgeOverflow is set instead when the edge table cannot). Sets denseSeen.
 *  The loop keeps to the common case (an object in a pool met before, an exact list or tuple, room in
 *  the edge table) and to few live values (write pointers instead of indices, one word for what the
 *  last type asks for); everything else is done by functions outside it, so that its state stays in
 *  registers. */
function numberObjects(base: usize): i32 {
  const pt = poolTab;
  const TS = tSlot;
  const tsEnd = TS + (<usize>posCap << 2);
  let tp = TS; // the next position's entry
  // the slot tables (reloaded after the calls that may move them) and the edge table, its capacity
  // and length (reloaded after the calls that may grow it)
  let R = sR;
  let EA = sEA;
  let ew = eBuf; // the next edge word
  let eEnd = eBuf + (<usize>eCap << 2);
  // what the last type met asks for (typeInfo)
  let lastType: usize = 0;
  let info: u32 = 0;
  denseSeen = 0;
  for (let h = gcNext(base); h != base; h = gcNext(h)) {
    if (tp == tsEnd) return -1; // more objects than tracked: cannot happen; leave it to the list walks
    const o = gcObj(h);
    const pe = pt + ((o >> POOL_SHIFT) << 3);
    const b = load<u32>(pe);
    let s: u32;
    if (b >= FIRST_RUN_SLOT) {
      // (b is neither 0 nor LARGE) a pool met before
      s = poolSlot(o, pe, b);
    } else {
      s = slotOutsideRuns(h, o, pe, b, <u32>((tp - TS) >> 2));
      if (s == NO_SLOT) return -1;
      R = sR;
      EA = sEA;
    }
    store<u32>(tp, s);
    tp += 4;
    const rc = <u32>refcnt(o);
    // a count that does not fit the state word (2^29 references): leave it to the list walks
    if (rc > R_REFS) return -1;
    store<u32>(R + (<usize>s << 2), rc);
    const t = typeOf(o);
    if (t != lastType) {
      // worked out once per run of objects of one type
      lastType = t;
      info = typeInfo(t);
      denseSeen |= info;
    }
    const ea = EA + (<usize>s << 3);
    const head = <u32>h | (info & KIND_MASK);
    const items = info >> 3;
    const size = <u32>obSize(o); // (read for every object: only used for exact lists and tuples)
    if (items == 0 || <usize>size >= (eEnd - ew) >> 2) {
      // tp_traverse, or the edge table must grow first
      ew = edgesOutOfLine(o, ea, head, ew, items, <u32>((tp - TS) >> 2) - 1);
      if (ew == 0) break;
      eEnd = eBuf + (<usize>eCap << 2);
      continue;
    }
    // exact list or tuple: the items, last first (as their tp_traverse), straight into the table
    const ip = items == ITEMS_LIST ? listItems(o) : o + TUPLE_ITEMS;
    store<u64>(ea, (<u64>head << 32) | <u64>ew); // the edge block and the head, one store
    let wp = ew;
    for (let p = ip + (<usize>size << 3); p != ip; ) {
      p -= 8;
      const c = load<u32>(p);
      store<u32>(wp, c);
      wp += c != 0 ? 4 : 0; // (NULL items are not children)
    }
    store<u32>(wp, 0);
    ew = wp + 4;
  }
  setEdgeBuffer(eBuf, eCap, <u32>((ew - eBuf) >> 2));
  return <i32>((tp - TS) >> 2);
}

// What pass 1 decides per type: KIND_* (bits 0-1, also kept in the low bits of the head word of the
// slot's EA entry: heads are 16-aligned), SEEN_WEAK_OR_FINALIZER (bit 2) and how its children are read
// (ITEMS_*, bits 3-4).
const KIND_MASK: u32 = 3;
const ITEMS_LIST: u32 = 1; // exact list: its item array
const ITEMS_TUPLE: u32 = 2; // exact tuple: its items
const HEAD_MASK: u32 = 0xfffffff0; // the head address in an EA head word

@inline function typeInfo(t: usize): u32 {
  let info: u32 = t == tTuple ? <u32>KIND_TUPLE : t == tDict ? <u32>KIND_DICT : 0;
  const flags = tpFlags(t);
  const layout = tpLayout(t);
  // what handle_weakrefs and finalize_garbage look for (collect.ts skips their walk when no type has it)
  if ((flags & TPF_FINALIZER) != 0 || layout == LAYOUT_WEAKREF || load<i32>(t + TP_WEAKLISTOFFSET) != 0) {
    info |= SEEN_WEAK_OR_FINALIZER;
  }
  if ((flags & TPF_HEAPTYPE) != 0) return info;
  return info | (layout == LAYOUT_LIST ? ITEMS_LIST << 3 : layout == LAYOUT_TUPLE ? ITEMS_TUPLE << 3 : 0);
}

const NO_SLOT: u32 = 0xffffffff;
// Referenced as values (function table entries) so that the optimizer does not inline these slow paths
// into pass 1's loop, where their calls would leave the loop short of registers.
export const slowPathsKeptOutOfLine: StaticArray<usize> = [
  changetype<usize>(slotOutsideRuns), changetype<usize>(edgesOutOfLine),
  changetype<usize>(slotInHead),
];

/** Pass 1's slot for an object whose 16 KiB region has no run of slots yet (b = 0) or is handled
 *  object by object (LARGE); NO_SLOT when the tables cannot grow. */
function slotOutsideRuns(h: usize, o: usize, pe: usize, b: u32, n: u32): u32 {
  if (b == 0 && inArena(o) && nSlots <= (n << 2) + SPARSE_SLACK) {
    // the first young object met in this pool: reserve the pool's run
    const r = assignPool(o, pe);
    if (r == 0) return NO_SLOT;
    return poolSlot(o, pe, r);
  }
  // outside the arenas, or a pool met after the runs became sparse: a slot of its own, kept in the
  // head
  if (b == 0) {
    store<u32>(pe, LARGE);
    store<u32>(tTouched + (<usize>nTouched << 2), <u32>(o >> POOL_SHIFT));
    nTouched++;
  }
  if (!ensureSlots(nSlots + 1)) return NO_SLOT;
  const s = nSlots++;
  store<u32>(h + 8, load<u32>(h + 8) | PREV_MASK_COLLECTING);
  store<u32>(h + 12, s);
  return s;
}

/** Pass 1's edge block for an object that is not an exact list or tuple (through tp_traverse), or when
 *  the edge table must grow first; writes the slot's EA entry `ea` (`head`: its head word). `ew` is the
 *  next edge word. Returns the next edge word after the block, or 0 (edgeOverflow set) when the table
 *  cannot grow. */
function edgesOutOfLine(o: usize, ea: usize, head: u32, ew: usize, items: u32, n: u32): usize {
  numbered = n;
  setEdgeBuffer(eBuf, eCap, <u32>((ew - eBuf) >> 2));
  store<u32>(ea, head, 4);
  if (items != 0) {
    const size = obSize(o);
    if (!growEdgesFor(<u64>size + 1)) {
      edgeOverflow = true;
      return 0;
    }
    // (the table may have moved)
    const p = items == ITEMS_LIST ? listItems(o) : o + TUPLE_ITEMS;
    let w = eBuf + (<usize>edgeLen << 2);
    store<u32>(ea, <u32>w);
    for (let i = size - 1; i >= 0; i--) {
      const c = load<u32>(p + (<usize>i << 3));
      if (c == 0) continue;
      store<u32>(w, c);
      w += 4;
    }
    store<u32>(w, 0);
    return w + 4;
  }
  // (if the table moves while the children are appended, the entry moves with it)
  store<u32>(ea, <u32>(eBuf + (<usize>edgeLen << 2)));
  traverse(o, VISIT_ADDR);
  if (edgeOverflow) return 0;
  // the block's end mark
  if (edgeLen == eCap && !growEdgesOrFlag()) return 0;
  const w = eBuf + (<usize>edgeLen << 2);
  store<u32>(w, 0);
  return w + 4;
}

/** 2. subtract_refs: child addresses → slots, children outside the set dropped; each block is
 *  compacted in place (its end mark moves up). One loop over the whole table: a 0 word ends a block
 *  (no slot and no object address is 0). Nothing here reads an object of a pool. */
function subtractEdges(): void {
  const pt = poolTab;
  const R = sR;
  const end = edgeBuf + (<usize>edgeLen << 2);
  let w = edgeBuf; // the next slot written (into the block being read)
  for (let p = edgeBuf; p < end; p += 4) {
    const c = <usize>load<u32>(p);
    if (c == 0) {
      // a block's end: its kept slots are followed by an end mark, the next block starts after it
      store<u32>(w, 0);
      w = p + 4;
      continue;
    }
    const pe = pt + ((c >> POOL_SHIFT) << 3);
    let s = poolSlot(c, pe, load<u32>(pe)); // (0 or 1 outside the runs)
    let rp = R + (<usize>s << 2);
    let r = load<u32>(rp);
    if (r >= R_NOTIN) {
      if (r != R_LOOKUP) continue;
      s = slotInHead(c);
      if (s == NO_SLOT) continue;
      rp = R + (<usize>s << 2);
      r = load<u32>(rp);
      if (r >= R_NOTIN) continue;
    }
    if (DEBUG) assert(r > 0); // a reference from inside the set is counted in the refcount
    store<u32>(rp, r - 1);
    store<u32>(w, s);
    w += 4;
  }
}

/** The slot of an object outside the runs (LARGE region), kept in its head while the pass runs, or
 *  NO_SLOT when it is not in the set. */
function slotInHead(c: usize): u32 {
  if (!isGcType(typeOf(c))) return NO_SLOT;
  const ch = gcHead(c);
  if ((gcFlags(ch) & PREV_MASK_COLLECTING) == 0) return NO_SLOT;
  return <u32>gcRefs(ch);
}

/** move_unreachable's visit of the children of one scanned object (edge block at `bp`): a pending
 *  child with gc_refs 0 gets 1; a child in the tentative unreachable list is moved back (its EA entry
 *  goes to `top`: the loop over the objects moved back and pass 4 read their edge blocks and heads
 *  from there, in order, instead of looking each slot up again). Returns the new `top`. */
@inline function scanChildren(bp: usize, R: usize, EA: usize, top: usize): usize {
  for (let q = bp; ; q += 4) {
    const j = load<u32>(q);
    if (j == 0) break;
    const jp = R + (<usize>j << 2);
    const r = load<u32>(jp);
    if (r == 0) {
      store<u32>(jp, 1);
    } else if ((r & R_STATE) == R_UNREACH) {
      store<u32>(jp, R_MOVED | 1);
      store<u64>(top, load<u64>(EA + (<usize>j << 3)));
      top += 8;
    }
  }
  return top;
}

/** 3. move_unreachable over the tables; relinks the objects kept at their place. Returns the last
 *  object of the young list so far; sets passMoved and passUnreach.
 *  The list is replayed as two loops: the original positions (tSlot), then the slots moved back to the
 *  list's tail (tOrder) — an object moved back is never moved out again, and only objects at their
 *  original position are moved out, so the final young list is "DONE, not MOVED" in position order
 *  followed by tOrder, and the unreachable list is "UNREACH" in position order. At its original
 *  position an object is still pending (gc_refs, no flag): DONE if gc_refs > 0. An object found DONE
 *  at its original position stays there, so the young list is relinked in the first loop; a head is
 *  written only where the list changes: an object that follows the one before it in the old list
 *  keeps its links (pool objects' heads were not written in pass 1). */
function replayMoveUnreachable(base: usize, n: u32): usize {
  const pt = poolTab;
  const R = sR;
  const EA = sEA;
  let top = tOrder; // where the next object moved back goes
  let marked: u32 = 0; // objects marked UNREACH
  let prev = base; // the last object of the new young list
  let follow = tSlot; // the position entry after prev's in the old list (base: the first)
  const tsEnd = tSlot + (<usize>n << 2);
  let tp = tSlot;
  while (tp < tsEnd) {
    let s = <usize>load<u32>(tp);
    let rp = R + (s << 2);
    if (load<u32>(rp) == 0) {
      // a run of objects with gc_refs 0 goes to the tentative unreachable list (a loop of its own,
      // which keeps only its own few values)
      const from = tp;
      do {
        store<u32>(rp, R_UNREACH);
        tp += 4;
        if (tp == tsEnd) break;
        s = <usize>load<u32>(tp);
        rp = R + (s << 2);
      } while (load<u32>(rp) == 0);
      marked += <u32>((tp - from) >> 2);
      if (tp == tsEnd) break;
    }
    store<u32>(rp, R_DONE);
    const ea = load<u64>(EA + (s << 3));
    const cur = <usize>(<u32>(ea >> 32) & HEAD_MASK);
    if (tp != follow || load<u32>(pt + (((cur + GC_HEAD_SIZE) >> POOL_SHIFT) << 3)) == LARGE) {
      // after a gap, or a head that holds its slot: (re)link it
      prev = linkAfter(prev, cur, 0);
    } else {
      if (DEBUG) assert((gcPrevRaw(cur) & ~PREV_MASK_FINALIZED) == <u32>prev && gcNext(prev) == cur); // links as they were
      prev = cur;
    }
    tp += 4;
    follow = tp;
    top = scanChildren(<usize><u32>ea, R, EA, top);
  }
  // the objects moved back, in the order they were moved (their words stay MOVED | 1: neither 0 nor
  // UNREACH, so they are never moved again)
  for (let q = tOrder; q < top; q += 8) {
    top = scanChildren(<usize>load<u32>(q), R, EA, top);
  }
  const moved = <u32>((top - tOrder) >> 3);
  passMoved = moved;
  passUnreach = marked - moved;
  return prev;
}

/** 4. the objects moved back follow `last`, then both lists are closed; each head of the unreachable
 *  list is written once (next, prev | COLLECTING | FINALIZED, refs 0), from the list's end. (Linking the objects moved back
 *  in pass 3's loop, as their turn comes, was slower: 11 → 10–15 ns/object in creation order, 17 →
 *  23–40 scrambled.) */
function linkLists(base: usize, unreachable: usize, n: u32, last: usize): void {
  const TS = tSlot;
  const TO = tOrder;
  const R = sR;
  const EA = sEA;
  const olen = passMoved;
  const ulen = passUnreach;
  let prev = last;
  const toEnd = TO + (<usize>olen << 3);
  for (let q = TO; q < toEnd; q += 8) {
    prev = linkAfter(prev, <usize>(load<u32>(q, 4) & HEAD_MASK), 0);
  }
  store<u32>(prev, <u32>base);
  store<u32>(base + 8, <u32>prev);
  // The unreachable list is built from its end: the positions are scanned down from the last, where
  // the youngest objects are (garbage is mostly young), and the scan stops at the last of them to be
  // found; each object is linked before the one found just before it.
  if (ulen == 0) {
    store<u32>(unreachable, <u32>unreachable);
    store<u32>(unreachable + 8, <u32>unreachable);
    return;
  }
  let next = unreachable;
  for (let p = n, left = ulen; left > 0; ) {
    p--;
    const s = <usize>load<u32>(TS + (<usize>p << 2));
    if (load<u32>(R + (s << 2)) != R_UNREACH) continue;
    const cur = <usize>(load<u32>(EA + (s << 3), 4) & HEAD_MASK);
    store<u32>(cur, <u32>next);
    if (next == unreachable) store<u32>(unreachable + 8, <u32>cur); // the list's last object
    else linkPrev(next, cur);
    next = cur;
    left--;
  }
  linkPrev(next, unreachable);
  store<u32>(unreachable, <u32>next);
}

/** GC_PREV of an unreachable object `cur` (COLLECTING set, FINALIZED kept) and gc_refs 0, in one store. */
@inline function linkPrev(cur: usize, prev: usize): void {
  const fin = load<u32>(cur + 8) & PREV_MASK_FINALIZED;
  store<u64>(cur + 8, <u64>(<u32>prev | PREV_MASK_COLLECTING | fin));
}

/** Appends the object whose head is `cur` after `prev` (its next is written by the following call or
 *  by the caller); FINALIZED is kept. */
@inline function linkAfter(prev: usize, cur: usize, flags: u32): usize {
  const fin = load<u32>(cur + 8) & PREV_MASK_FINALIZED;
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
    let hw: u32;
    if (p < denseN) {
      const s = <usize>load<u32>(tSlot + (<usize>p << 2));
      if (load<u32>(sR + (s << 2)) != R_DONE) continue;
      hw = load<u32>(sEA + (s << 3), 4);
    } else {
      hw = load<u32>(tOrder + (<usize>(p - denseN) << 3), 4);
    }
    if ((hw & KIND_MASK) != <u32>kind) continue;
    const o = gcObj(<usize>(hw & HEAD_MASK));
    if (kind == KIND_TUPLE ? tupleCanUntrack(o) : dictCanUntrack(o)) {
      untrack(o);
      ev(EV_UNTRACK, <u32>o, <u32>(kind == KIND_TUPLE ? tTuple : tDict), 0);
      c++;
    }
  }
  return c;
}
