// tp_traverse of every layout, in CPython's visit order (lists and tuples last item first; dicts value
// then key per entry; instances: slots, then values or dict, then the type). One driver serves the
// collector's visits and inspection, selected by `op` so that the visit inlines without indirect calls.
import {
  TP_REFMAP_LO, TP_REFMAP_HI, TPF_VAR_REFS, TPF_VAR_DICT, TPF_MANAGED_DICT, TPF_HEAPTYPE, TP_BASICSIZE,
  LAYOUT_GENERIC, LAYOUT_TYPE, LAYOUT_TUPLE,
  LAYOUT_LIST, LAYOUT_DICT, LAYOUT_SET, LAYOUT_WEAKREF, LAYOUT_INT, LAYOUT_FLOAT, LAYOUT_STR, LAYOUT_BYTES,
  MANAGED_VALUES, MANAGED_DICT, TUPLE_ITEMS, PREV_MASK_COLLECTING, WR_CALLBACK,
} from "../../abi/abi";
import {
  typeOf, tpFlags, tpLayout, obSize, getRef, gcHead, gcFlags, gcSetFlags, gcRefs, gcSetRefs, isGcType, varDictPtr,
} from "../object/header";
import { listItems } from "../object/list";
import { dictTraverse } from "../object/dict";
import { setTraverse } from "../object/set";
import { valuesCapacity } from "../refcount";
import { listMove } from "./lists";

export const VISIT_DECREF: i32 = 1;
export const VISIT_REACHABLE: i32 = 2;
export const VISIT_COLLECT: i32 = 3;
/** Dense collection: append the child's address to the edge table (filtered later). */
export const VISIT_ADDR: i32 = 4;
/** gc_refs marker of objects in the tentative unreachable list (CPython's NEXT_MASK_UNREACHABLE). */
export const REFS_UNREACHABLE: i32 = -0x40000000;

/** The list that VISIT_REACHABLE moves objects back to (the young generation being scanned). */
export let reachableHead: usize = 0;
export function setReachableHead(h: usize): void {
  reachableHead = h;
}

// VISIT_COLLECT appends children here (inspection)
export let collectBuf: usize = 0;
export let collectCap: u32 = 0;
export let collectLen: u32 = 0;
export function setCollectBuffer(buf: usize, cap: u32): void {
  collectBuf = buf;
  collectCap = cap;
  collectLen = 0;
}

// VISIT_ADDR writes edges here (dense.ts owns the buffers)
export let edgeBuf: usize = 0;
export let edgeCap: u32 = 0;
export let edgeLen: u32 = 0;
export function setEdgeBuffer(buf: usize, cap: u32, len: u32): void {
  edgeBuf = buf;
  edgeCap = cap;
  edgeLen = len;
}
/** Called when the edge table is full; returns false if it cannot grow. */
let growEdges: () => bool = () => false;
export function setEdgeGrower(f: () => bool): void {
  growEdges = f;
}

@inline export function visit(o: usize, op: i32): void {
  if (o == 0) return;
  if (op == VISIT_ADDR) {
    if (edgeLen == edgeCap && !growEdges()) return;
    store<u32>(edgeBuf + (<usize>edgeLen << 2), <u32>o);
    edgeLen++;
    return;
  }
  if (op == VISIT_COLLECT) {
    if (collectLen < collectCap) store<u32>(collectBuf + (<usize>collectLen << 2), <u32>o);
    collectLen++;
    return;
  }
  if (!isGcType(typeOf(o))) return;
  const g = gcHead(o);
  if ((gcFlags(g) & PREV_MASK_COLLECTING) == 0) return;
  if (op == VISIT_DECREF) {
    gcSetRefs(g, gcRefs(g) - 1);
  } else {
    // VISIT_REACHABLE
    const r = gcRefs(g);
    if (r == REFS_UNREACHABLE) {
      listMove(g, reachableHead);
      gcSetRefs(g, 1);
    } else if (r == 0) {
      gcSetRefs(g, 1);
    }
  }
}

/** Visits every reference o owns, in CPython's tp_traverse order. */
export function traverse(o: usize, op: i32): void {
  const t = typeOf(o);
  const layout = tpLayout(t);
  // a subclass of a built-in layout (container or scalar): its own fields and the type first
  // (subtype_traverse), then the base layout
  const sub = (tpFlags(t) & TPF_HEAPTYPE) != 0 && layout != LAYOUT_GENERIC && layout != LAYOUT_TYPE;
  if (sub) genericTraverse(o, t, op);
  switch (layout) {
    case LAYOUT_INT:
    case LAYOUT_FLOAT:
    case LAYOUT_STR:
    case LAYOUT_BYTES:
      return;
    case LAYOUT_LIST: {
      const items = listItems(o);
      for (let i = obSize(o) - 1; i >= 0; i--) visit(getRef(items + (<usize>i << 3)), op);
      break;
    }
    case LAYOUT_TUPLE: {
      for (let i = obSize(o) - 1; i >= 0; i--) visit(getRef(o + TUPLE_ITEMS + (<usize>i << 3)), op);
      break;
    }
    case LAYOUT_DICT:
      dictTraverse(o, op);
      break;
    case LAYOUT_SET:
      setTraverse(o, op);
      break;
    case LAYOUT_WEAKREF:
      visit(getRef(o + WR_CALLBACK), op);
      break;
    default:
      genericTraverse(o, t, op);
      return;
  }
  if (!sub && (tpFlags(t) & TPF_HEAPTYPE) != 0) visit(t, op);
}

function genericTraverse(o: usize, t: usize, op: i32): void {
  const flags = tpFlags(t);
  let m = load<u32>(t + TP_REFMAP_LO);
  while (m != 0) {
    const b = ctz(m);
    m &= m - 1;
    visit(getRef(o + (<usize>b << 3)), op);
  }
  m = load<u32>(t + TP_REFMAP_HI);
  while (m != 0) {
    const b = ctz(m) + 32;
    m &= m - 1;
    visit(getRef(o + (<usize>b << 3)), op);
  }
  if ((flags & TPF_VAR_REFS) != 0) {
    const base = o + <usize>load<i32>(t + TP_BASICSIZE);
    for (let i = obSize(o) - 1; i >= 0; i--) visit(getRef(base + (<usize>i << 3)), op);
  }
  if ((flags & TPF_VAR_DICT) != 0) visit(getRef(varDictPtr(o, t)), op);
  if ((flags & TPF_MANAGED_DICT) != 0) {
    const values = getRef(o + MANAGED_VALUES);
    if (values != 0) {
      const cap = valuesCapacity(values);
      for (let i: u32 = 0; i < cap; i++) visit(getRef(values + (<usize>i << 3)), op);
    }
    visit(getRef(o + MANAGED_DICT), op);
  }
  if ((flags & TPF_HEAPTYPE) != 0) visit(t, op);
}

