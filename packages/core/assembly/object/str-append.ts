// In-place `s += t` on str: CPython 3.11 appends to the left string without a new object when nothing
// else can see it (refcount 1, hash never computed, not interned, exact str) and the right string fits
// its kind (never ascii += non-ascii). The block is resized with pymalloc's realloc rules: it stays
// where it is while the new size fits its size class, else the string moves to a new block (allocated
// before the old one is freed), so `id(s)` changes only at size-class boundaries.
import { STR_LENGTH, STR_HASH, STR_STATE, EV_ALLOC, EV_FREE, EV_RESIZE, STATUS_NO_MEMORY } from "../../abi/abi";
import { refcnt, typeOf } from "./header";
import { tStr } from "./types";
import { isStatic } from "./alloc";
import { strLen, strKind, strIsAscii, strData, strSizeFor } from "./str";
import { memRealloc, memBlockSize } from "../mem/alloc";
import { objMark, objUnmark } from "../inspect";
import { ev, evOn } from "../events";
import { setStatus, tooBig } from "../common";

/** Bits 0-1 of the str state: the interned state. */
const STATE_INTERNED: u32 = 3;

/** CPython's unicode_modifiable: only its holder can see s, so s may be changed in place. */
export function strModifiable(s: usize): bool {
  if (isStatic(s)) return false;
  if (refcnt(s) != 1) return false;
  if (load<i64>(s + STR_HASH) != -1) return false;
  if ((load<u32>(s + STR_STATE) & STATE_INTERNED) != 0) return false;
  return typeOf(s) == tStr;
}

/** True when PyUnicode_Append(&left, right) would grow `left` in place rather than build a new string. */
export function strCanAppendInPlace(left: usize, right: usize): bool {
  if (typeOf(right) != tStr || strLen(right) == 0 || strLen(left) == 0) return false;
  if (!strModifiable(left)) return false;
  if (strKind(right) > strKind(left)) return false;
  return !(strIsAscii(left) && !strIsAscii(right));
}

/** Resizes a modifiable compact str to `len` characters of its kind (resize_compact): the result is s
 *  itself or s moved to a new block (the old address is then dead). Characters past the old length are
 *  left for the caller to write; the terminating NUL is written. 0 on no memory (s untouched). */
export function strResize(s: usize, len: i32): usize {
  const kind = strKind(s);
  if (tooBig(len, kind)) return 0;
  const maxchar: u32 = strIsAscii(s) ? 0 : kind == 1 ? 255 : kind == 2 ? 65535 : 0x10ffff;
  const size = strSizeFor(len, maxchar);
  const oldBlock = memBlockSize(s);
  const r = memRealloc(s, size);
  if (r == 0) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  if (r != s) {
    objUnmark(s);
    objMark(r);
    if (evOn) {
      ev(EV_ALLOC, <u32>r, <u32>tStr, <u32>memBlockSize(r));
      ev(EV_FREE, <u32>s, <u32>tStr, <u32>oldBlock);
    }
  } else if (evOn) ev(EV_RESIZE, <u32>s, <u32>tStr, <u32>oldBlock);
  store<i64>(r + STR_LENGTH, len);
  const d = strData(r) + <usize>len * <usize>kind;
  if (kind == 1) store<u8>(d, 0);
  else if (kind == 2) store<u16>(d, 0);
  else store<u32>(d, 0);
  return r;
}

/** Appends `right` to `left` in place (strCanAppendInPlace must hold). Takes over the caller's
 *  reference to left and returns the grown string (a new reference: left itself or its new address);
 *  0 on no memory, left untouched and still the caller's. */
export function strAppendInPlace(left: usize, right: usize): usize {
  const n = strLen(left);
  const m = strLen(right);
  const r = strResize(left, n + m);
  if (r == 0) return 0;
  const kind = <usize>strKind(r);
  const rk = <usize>strKind(right);
  const dst = strData(r) + <usize>n * kind;
  const src = strData(right);
  if (rk == kind) memory.copy(dst, src, <usize>m * kind);
  else {
    for (let i = 0; i < m; i++) {
      const c: u32 = rk == 1 ? <u32>load<u8>(src + <usize>i) : <u32>load<u16>(src + (<usize>i << 1));
      if (kind == 2) store<u16>(dst + (<usize>i << 1), <u16>c);
      else store<u32>(dst + (<usize>i << 2), c);
    }
  }
  return r;
}
