// deduce_unreachable over dense side tables. CPython walks the generation list three times touching
// every object and, through tp_traverse, every child twice (subtract_refs and move_unreachable): with
// objects scattered in memory each of those is a cache miss. Here one pass numbers the objects (the
// number sits in the GC_REFS word), one traversal records every internal edge as a child number and
// subtracts the internal references, and move_unreachable then runs on arrays. The result — which
// objects are unreachable, the order of both lists — is exactly CPython's: the array walk replays its
// list walk step by step (`order` is the young list as it grows at the tail, `unreach` the tentative
// unreachable list, entries moved back are blanked).
//
// Side tables (per object: address, gc_refs, state, edge start, up to two places in `order`, place in
// `unreach`, place in `done`) live in memory obtained from memory.grow and kept for the next collection;
// they are not part of the Python heap (like CPython's C stack).
import { PREV_MASK_COLLECTING, EV_GC_REFS } from "../../abi/abi";
import { ev, evOn } from "../events";
import { growPages } from "../common";
import { gcNext, gcObj, gcFlags, gcSetFlags, gcSetRefs, refcnt } from "../object/header";
import { listInit, listAppend } from "./lists";
import { traverse, VISIT_BUILD, setEdgeBuffer, setEdgeGrower, edgeLen, edgeBuf, edgeCap } from "./traverse";

const PENDING: u8 = 0;
const DONE: u8 = 1;
const UNREACH: u8 = 2;
const BLANK: u32 = 0xffffffff;

let cap: u32 = 0;
let region: usize = 0;
let tAddr: usize = 0;
let tRefs: usize = 0;
let tState: usize = 0;
let tStart: usize = 0;
let tOrder: usize = 0;
let tUpos: usize = 0;
let tUnreach: usize = 0;
let tDone: usize = 0;
let eBuf: usize = 0;
let eCap: u32 = 0;

function ensureObjects(n: u32): bool {
  if (n <= cap) return true;
  let c: u32 = cap == 0 ? 4096 : cap;
  while (c < n) c *= 2;
  const bytes = <usize>c * 36 + 64;
  const r = growPages(<i32>((bytes + 0xffff) >> 16));
  if (r == 0) return false;
  region = r;
  cap = c;
  tAddr = region;
  tRefs = tAddr + (<usize>c << 2);
  tStart = tRefs + (<usize>c << 2);
  tOrder = tStart + (<usize>(c + 1) << 2);
  tUpos = tOrder + (<usize>c << 3);
  tUnreach = tUpos + (<usize>c << 2);
  tDone = tUnreach + (<usize>c << 2);
  tState = tDone + (<usize>c << 2);
  return true;
}

function growEdgeTable(): bool {
  const c: u32 = eCap == 0 ? 16384 : eCap * 2;
  const b = growPages(<i32>(((<usize>c << 2) + 0xffff) >> 16));
  if (b == 0) return false;
  if (edgeLen > 0) memory.copy(b, edgeBuf, <usize>edgeLen << 2);
  eBuf = b;
  eCap = c;
  setEdgeBuffer(b, c, edgeLen, tRefs);
  return true;
}

/** Counts the list; false if the side tables cannot hold it (the caller falls back to list walks). */
export function denseReady(base: usize): bool {
  let n: u32 = 0;
  for (let g = gcNext(base); g != base; g = gcNext(g)) n++;
  if (!ensureObjects(n)) return false;
  if (eCap == 0) {
    setEdgeBuffer(0, 0, 0, tRefs);
    if (!growEdgeTable()) return false;
  }
  return true;
}

/** update_refs + subtract_refs + move_unreachable for `base` (denseReady(base) must have succeeded).
 *  After it: `base` holds the objects reachable from outside it in CPython's order with COLLECTING
 *  cleared, `unreachable` (empty on entry) the rest in CPython's order with COLLECTING set; GC_REFS words
 *  are 0. Returns the number of reachable objects. */
export function deduceDense(base: usize, unreachable: usize, g: i32): u32 {
  // update_refs: number the objects, gc_refs = refcount, COLLECTING set
  let n: u32 = 0;
  for (let g = gcNext(base); g != base; g = gcNext(g)) {
    store<u32>(tAddr + (<usize>n << 2), <u32>g);
    store<i32>(tRefs + (<usize>n << 2), refcnt(gcObj(g)));
    gcSetRefs(g, <i32>n);
    gcSetFlags(g, gcFlags(g) | PREV_MASK_COLLECTING);
    n++;
  }
  // subtract_refs, recording the internal edges in traverse order
  setEdgeGrower(growEdgeTable);
  setEdgeBuffer(eBuf, eCap, 0, tRefs);
  for (let k: u32 = 0; k < n; k++) {
    store<u32>(tStart + (<usize>k << 2), edgeLen);
    traverse(gcObj(<usize>load<u32>(tAddr + (<usize>k << 2))), VISIT_BUILD);
  }
  store<u32>(tStart + (<usize>n << 2), edgeLen);
  const edges = edgeBuf;
  if (evOn) {
    for (let k: u32 = 0; k < n; k++) {
      ev(EV_GC_REFS, <u32>gcObj(<usize>load<u32>(tAddr + (<usize>k << 2))), <u32>load<i32>(tRefs + (<usize>k << 2)), <u32>g);
    }
  }
  // move_unreachable, replayed on the arrays
  memory.fill(tState, PENDING, <usize>n);
  for (let k: u32 = 0; k < n; k++) store<u32>(tOrder + (<usize>k << 2), k);
  let olen = n;
  let ulen: u32 = 0;
  let dlen: u32 = 0;
  for (let p: u32 = 0; p < olen; p++) {
    const k = load<u32>(tOrder + (<usize>p << 2));
    if (load<i32>(tRefs + (<usize>k << 2)) > 0) {
      store<u8>(tState + <usize>k, DONE);
      store<u32>(tDone + (<usize>dlen << 2), k);
      dlen++;
      const e1 = load<u32>(tStart + (<usize>(k + 1) << 2));
      for (let e = load<u32>(tStart + (<usize>k << 2)); e < e1; e++) {
        const j = load<u32>(edges + (<usize>e << 2));
        const st = load<u8>(tState + <usize>j);
        if (st == UNREACH) {
          store<u32>(tUnreach + (<usize>load<u32>(tUpos + (<usize>j << 2)) << 2), BLANK);
          store<u8>(tState + <usize>j, PENDING);
          store<u32>(tOrder + (<usize>olen << 2), j);
          olen++;
          store<i32>(tRefs + (<usize>j << 2), 1);
        } else if (st == PENDING && load<i32>(tRefs + (<usize>j << 2)) == 0) {
          store<i32>(tRefs + (<usize>j << 2), 1);
        }
      }
    } else {
      store<u8>(tState + <usize>k, UNREACH);
      store<u32>(tUpos + (<usize>k << 2), ulen);
      store<u32>(tUnreach + (<usize>ulen << 2), k);
      ulen++;
    }
  }
  // relink both lists in the order found
  listInit(base);
  for (let i: u32 = 0; i < dlen; i++) {
    const g = <usize>load<u32>(tAddr + (<usize>load<u32>(tDone + (<usize>i << 2)) << 2));
    gcSetFlags(g, gcFlags(g) & ~PREV_MASK_COLLECTING);
    gcSetRefs(g, 0);
    listAppend(g, base);
  }
  for (let i: u32 = 0; i < ulen; i++) {
    const k = load<u32>(tUnreach + (<usize>i << 2));
    if (k == BLANK) continue;
    const g = <usize>load<u32>(tAddr + (<usize>k << 2));
    gcSetRefs(g, 0);
    listAppend(g, unreachable);
  }
  return dlen;
}

