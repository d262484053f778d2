// Type objects: the built-in types whose layouts the core implements (static objects), and data-driven
// registration of every other type (static or heap). The descriptor fields live in the type object
// itself (TP_* in abi.ts), so deallocation and traversal read them with one load.
import {
  TP_NAME, TP_BASICSIZE, TP_ITEMSIZE, TP_FLAGS, TP_LAYOUT, TP_REFMAP_LO, TP_REFMAP_HI, TP_WEAKLISTOFFSET,
  TP_FREELIST_MAX, TP_BASE, TP_ID, TPF_HAVE_GC, TPF_TRASHCAN, TPF_HEAPTYPE, TPF_BASETYPE, TPF_STATIC, TPF_LONG_SUBCLASS,
  TPF_LIST_SUBCLASS, TPF_TUPLE_SUBCLASS, TPF_BYTES_SUBCLASS, TPF_UNICODE_SUBCLASS, TPF_DICT_SUBCLASS,
  TPF_TYPE_SUBCLASS, LAYOUT_GENERIC, LAYOUT_INT, LAYOUT_FLOAT, LAYOUT_STR, LAYOUT_BYTES, LAYOUT_TUPLE,
  LAYOUT_LIST, LAYOUT_DICT, LAYOUT_SET, LAYOUT_TYPE, LAYOUT_WEAKREF, STATIC_TYPE_BASICSIZE,
  HEAP_TYPE_BASICSIZE, WK_COUNT, WK_NONE, WK_TRUE, WK_FALSE, WK_ELLIPSIS, WK_NOTIMPLEMENTED, WK_EMPTY_STR,
  WK_EMPTY_BYTES, WK_EMPTY_TUPLE, WK_TYPE_TYPE, WK_TYPE_OBJECT, WK_TYPE_INT, WK_TYPE_BOOL, WK_TYPE_FLOAT,
  WK_TYPE_STR, WK_TYPE_BYTES, WK_TYPE_TUPLE, WK_TYPE_LIST, WK_TYPE_DICT, WK_TYPE_SET, WK_TYPE_FROZENSET,
  WK_TYPE_NONE, WK_TYPE_ELLIPSIS, WK_TYPE_NOTIMPLEMENTED, WK_TYPE_WEAKREF, SET_WEAKLIST, TP_VM0, TP_VM_SLOTS,
  GC_HEAD_SIZE,
} from "../../abi/abi";
import { staticAlloc, objAlloc } from "./alloc";
import { setRefcnt, setType, setRef, incref } from "./header";
import { strStaticAscii } from "./str";
import { track } from "../gc/lists";
import { sysAlloc } from "../mem/sys";

export const STATIC_REFCNT: i32 = 999999999;

export let tType: usize = 0;
export let tObject: usize = 0;
export let tInt: usize = 0;
export let tBool: usize = 0;
export let tFloat: usize = 0;
export let tStr: usize = 0;
export let tBytes: usize = 0;
export let tTuple: usize = 0;
export let tList: usize = 0;
export let tDict: usize = 0;
export let tSet: usize = 0;
export let tFrozenset: usize = 0;
export let tNone: usize = 0;
export let tEllipsis: usize = 0;
export let tNotImplemented: usize = 0;
export let tWeakref: usize = 0;

export let oNone: usize = 0;
export let oTrue: usize = 0;
export let oFalse: usize = 0;
export let oEllipsis: usize = 0;
export let oNotImplemented: usize = 0;

let wellKnown: usize = 0;
let nextTypeId: i32 = 0;

export function wellKnownGet(i: i32): usize {
  if (i < 0 || i >= WK_COUNT) return 0;
  return <usize>load<u32>(wellKnown + (<usize>i << 2));
}
export function wellKnownSet(i: i32, o: usize): void {
  store<u32>(wellKnown + (<usize>i << 2), <u32>o);
}

/** Refmap of `type` itself: TP_NAME and TP_BASE..TP_VM7 are owned references. */
function typeRefmapLo(): u32 {
  let m: u32 = 1 << (TP_NAME >> 3);
  for (let off = TP_BASE; off < TP_VM0 + TP_VM_SLOTS * 8; off += 8) m |= 1 << (off >> 3);
  return m;
}

function fillType(t: usize, basicsize: i32, itemsize: i32, flags: u32, layout: i32, refLo: u32, refHi: u32,
                  weaklist: i32, freelistMax: i32): void {
  store<i64>(t + TP_BASICSIZE, basicsize);
  store<i64>(t + TP_ITEMSIZE, itemsize);
  store<u32>(t + TP_FLAGS, flags);
  store<i32>(t + TP_LAYOUT, layout);
  store<u32>(t + TP_REFMAP_LO, refLo);
  store<u32>(t + TP_REFMAP_HI, refHi);
  store<i64>(t + TP_WEAKLISTOFFSET, weaklist);
  store<i32>(t + TP_FREELIST_MAX, freelistMax);
  store<i32>(t + TP_ID, nextTypeId++);
}

function staticType(basicsize: i32, itemsize: i32, flags: u32, layout: i32, weaklist: i32): usize {
  const t = staticAlloc(STATIC_TYPE_BASICSIZE);
  setRefcnt(t, STATIC_REFCNT);
  setType(t, tType);
  fillType(t, basicsize, itemsize, flags | TPF_STATIC, layout, 0, 0, weaklist, 0);
  return t;
}

function staticSingleton(t: usize, refcnt: i32): usize {
  const o = staticAlloc(16);
  setRefcnt(o, refcnt);
  setType(o, t);
  return o;
}

/** Creates the built-in types and singletons. Names are set by typesNameAll once str works. */
export function typesInit(): void {
  wellKnown = sysAlloc(WK_COUNT * 4);
  tType = staticAlloc(STATIC_TYPE_BASICSIZE);
  setRefcnt(tType, STATIC_REFCNT);
  setType(tType, tType);
  fillType(tType, HEAP_TYPE_BASICSIZE, 40, TPF_HAVE_GC | TPF_BASETYPE | TPF_TYPE_SUBCLASS | TPF_STATIC, LAYOUT_TYPE,
           typeRefmapLo(), 0, 368, 0);
  tObject = staticType(16, 0, TPF_BASETYPE, LAYOUT_GENERIC, 0);
  tInt = staticType(24, 4, TPF_BASETYPE | TPF_LONG_SUBCLASS, LAYOUT_INT, 0);
  tBool = staticType(32, 4, TPF_LONG_SUBCLASS, LAYOUT_INT, 0);
  tFloat = staticType(24, 0, TPF_BASETYPE, LAYOUT_FLOAT, 0);
  tStr = staticType(80, 0, TPF_BASETYPE | TPF_UNICODE_SUBCLASS, LAYOUT_STR, 0);
  tBytes = staticType(33, 1, TPF_BASETYPE | TPF_BYTES_SUBCLASS, LAYOUT_BYTES, 0);
  tTuple = staticType(24, 8, TPF_HAVE_GC | TPF_TRASHCAN | TPF_BASETYPE | TPF_TUPLE_SUBCLASS, LAYOUT_TUPLE, 0);
  tList = staticType(40, 0, TPF_HAVE_GC | TPF_TRASHCAN | TPF_BASETYPE | TPF_LIST_SUBCLASS, LAYOUT_LIST, 0);
  tDict = staticType(48, 0, TPF_HAVE_GC | TPF_TRASHCAN | TPF_BASETYPE | TPF_DICT_SUBCLASS, LAYOUT_DICT, 0);
  tSet = staticType(200, 0, TPF_HAVE_GC | TPF_TRASHCAN | TPF_BASETYPE, LAYOUT_SET, SET_WEAKLIST);
  tFrozenset = staticType(200, 0, TPF_HAVE_GC | TPF_TRASHCAN | TPF_BASETYPE, LAYOUT_SET, SET_WEAKLIST);
  tNone = staticType(16, 0, 0, LAYOUT_GENERIC, 0);
  tEllipsis = staticType(16, 0, 0, LAYOUT_GENERIC, 0);
  tNotImplemented = staticType(16, 0, 0, LAYOUT_GENERIC, 0);
  tWeakref = staticType(64, 0, TPF_HAVE_GC | TPF_BASETYPE, LAYOUT_WEAKREF, 0);
  // (CPython's start-up leaves these with thousands of references to None, hundreds to True and False: the
  // counts start there so that a script reads python3's figures, 5491 409 386 16 5 at its first line)
  oNone = staticSingleton(tNone, 5488);
  oTrue = staticSingleton(tBool, 405);
  oFalse = staticSingleton(tBool, 382);
  oEllipsis = staticSingleton(tEllipsis, 12);
  oNotImplemented = staticSingleton(tNotImplemented, 3);
  // True / False are ints with ob_size 1 / 0 and one digit
  store<i64>(oTrue + 16, 1);
  store<u32>(oTrue + 24, 1);
  wellKnownSet(WK_NONE, oNone);
  wellKnownSet(WK_TRUE, oTrue);
  wellKnownSet(WK_FALSE, oFalse);
  wellKnownSet(WK_ELLIPSIS, oEllipsis);
  wellKnownSet(WK_NOTIMPLEMENTED, oNotImplemented);
  wellKnownSet(WK_TYPE_TYPE, tType);
  wellKnownSet(WK_TYPE_OBJECT, tObject);
  wellKnownSet(WK_TYPE_INT, tInt);
  wellKnownSet(WK_TYPE_BOOL, tBool);
  wellKnownSet(WK_TYPE_FLOAT, tFloat);
  wellKnownSet(WK_TYPE_STR, tStr);
  wellKnownSet(WK_TYPE_BYTES, tBytes);
  wellKnownSet(WK_TYPE_TUPLE, tTuple);
  wellKnownSet(WK_TYPE_LIST, tList);
  wellKnownSet(WK_TYPE_DICT, tDict);
  wellKnownSet(WK_TYPE_SET, tSet);
  wellKnownSet(WK_TYPE_FROZENSET, tFrozenset);
  wellKnownSet(WK_TYPE_NONE, tNone);
  wellKnownSet(WK_TYPE_ELLIPSIS, tEllipsis);
  wellKnownSet(WK_TYPE_NOTIMPLEMENTED, tNotImplemented);
  wellKnownSet(WK_TYPE_WEAKREF, tWeakref);
}

function nameType(t: usize, name: string, base: usize): void {
  setRef(t + TP_NAME, strStaticAscii(name));
  if (base != 0) {
    incref(base);
    setRef(t + TP_BASE, base);
  }
}

/** Gives the built-in types their names and bases (needs the str type). */
export function typesNameAll(): void {
  nameType(tType, "type", tObject);
  nameType(tObject, "object", 0);
  nameType(tInt, "int", tObject);
  nameType(tBool, "bool", tInt);
  nameType(tFloat, "float", tObject);
  nameType(tStr, "str", tObject);
  nameType(tBytes, "bytes", tObject);
  nameType(tTuple, "tuple", tObject);
  nameType(tList, "list", tObject);
  nameType(tDict, "dict", tObject);
  nameType(tSet, "set", tObject);
  nameType(tFrozenset, "frozenset", tObject);
  nameType(tNone, "NoneType", tObject);
  nameType(tEllipsis, "ellipsis", tObject);
  nameType(tNotImplemented, "NotImplementedType", tObject);
  nameType(tWeakref, "weakref", tObject);
}

/** Registers a type described by the interpreter. Static types (no TPF_HEAPTYPE) go to the static area;
 *  heap types are GC objects of type `meta`, tracked. Returns a new reference, or 0 (no memory). */
export function typeNew(meta: usize, basicsize: i32, itemsize: i32, flags: u32, weaklist: i32, refLo: u32,
                        refHi: u32, freelistMax: i32): usize {
  let t: usize;
  if ((flags & TPF_HEAPTYPE) != 0) {
    t = objAlloc(meta, <usize>HEAP_TYPE_BASICSIZE);
    if (t == 0) return 0;
    fillType(t, basicsize, itemsize, flags & ~TPF_STATIC, (flags & TPF_TYPE_SUBCLASS) != 0 ? LAYOUT_TYPE : LAYOUT_GENERIC,
             refLo, refHi, weaklist, freelistMax);
    track(t);
  } else {
    t = staticAlloc(STATIC_TYPE_BASICSIZE);
    if (t == 0) return 0;
    setRefcnt(t, STATIC_REFCNT);
    setType(t, meta);
    fillType(t, basicsize, itemsize, flags | TPF_STATIC, (flags & TPF_TYPE_SUBCLASS) != 0 ? LAYOUT_TYPE : LAYOUT_GENERIC,
             refLo, refHi, weaklist, freelistMax);
  }
  return t;
}

/** Overrides the layout kind of a registered type (a subclass of a built-in container keeps the
 *  built-in layout). */
export function typeSetLayout(t: usize, layout: i32): void {
  store<i32>(t + TP_LAYOUT, layout);
}

