// str: CPython 3.11 compact strings. ASCII strings use PyASCIIObject (48-byte header); others use
// PyCompactUnicodeObject (72) with 1, 2 or 4 bytes per character by the largest code point. A NUL
// follows the data. `''` and the 256 one-character latin-1 strings are static.
//
//   +0 ob_refcnt  +8 ob_type  +16 length  +24 hash (-1 = not computed)  +32 state  +40 wstr
//   ASCII: +48 data                 compact: +48 utf8_length  +56 utf8  +64 wstr_length  +72 data
import {
  STR_LENGTH, STR_HASH, STR_STATE, STR_ASCII_DATA, STR_COMPACT_DATA, STR_STATE_KIND_SHIFT, STR_STATE_COMPACT,
  STR_STATE_ASCII, STR_STATE_READY, STR_DATA_ANY, STR_LEGACY_SIZE, STR_UTF8, STR_UTF8_LENGTH, STR_WSTR,
  STR_WSTR_LENGTH, LAYOUT_STR, STATUS_BAD_ARGUMENT,
} from "../../abi/abi";
import { memAlloc, memFree } from "../mem/alloc";
import { objAlloc, objFreeMemory, staticAlloc } from "./alloc";
import { setRefcnt, setType, incref, refcnt, tpBasicsize, tpLayout, typeOf } from "./header";
import { tStr, STATIC_REFCNT } from "./types";
import { tooBig, setStatus } from "../common";

let latin1: usize = 0; // 256 u32: the cached one-character strings
export let emptyStr: usize = 0;

@inline export function strLen(s: usize): i32 {
  return load<i32>(s + STR_LENGTH);
}
@inline export function strKind(s: usize): i32 {
  return <i32>((load<u32>(s + STR_STATE) >> STR_STATE_KIND_SHIFT) & 7);
}
@inline export function strIsAscii(s: usize): bool {
  return (load<u32>(s + STR_STATE) & STR_STATE_ASCII) != 0;
}
@inline export function strData(s: usize): usize {
  const state = load<u32>(s + STR_STATE);
  if ((state & STR_STATE_COMPACT) == 0) return <usize>load<u32>(s + STR_DATA_ANY); // a str subclass instance
  return (state & STR_STATE_ASCII) != 0 ? s + STR_ASCII_DATA : s + STR_COMPACT_DATA;
}

/** Bytes a compact string of `len` characters up to `maxchar` occupies (also its sys.getsizeof). */
export function strSizeFor(len: i32, maxchar: u32): usize {
  if (maxchar < 128) return <usize>STR_ASCII_DATA + <usize>len + 1;
  const kind: usize = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
  return <usize>STR_COMPACT_DATA + (<usize>len + 1) * kind;
}

function initHeader(s: usize, len: i32, maxchar: u32): void {
  store<i64>(s + STR_LENGTH, len);
  store<i64>(s + STR_HASH, -1);
  const kind: u32 = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
  let state: u32 = (kind << STR_STATE_KIND_SHIFT) | STR_STATE_COMPACT | STR_STATE_READY;
  if (maxchar < 128) state |= STR_STATE_ASCII;
  store<u32>(s + STR_STATE, state);
}

/** A new string of `len` characters (data zeroed, to be written by the caller); 0 on no memory. */
export function strNew(len: i32, maxchar: u32): usize {
  if (tooBig(len, 4)) return 0;
  const s = objAlloc(tStr, strSizeFor(len, maxchar));
  if (s == 0) return 0;
  initHeader(s, len, maxchar);
  return s;
}

/** A static string (never freed; id ≡ 8 mod 16; refcount 999 999 999), data zeroed. */
export function strStatic(len: i32, maxchar: u32): usize {
  const s = staticAlloc(strSizeFor(len, maxchar));
  setRefcnt(s, STATIC_REFCNT);
  setType(s, tStr);
  initHeader(s, len, maxchar);
  return s;
}

/** A static ASCII string (type names and the like). */
export function strStaticAscii(text: string): usize {
  const s = strStatic(text.length, 0);
  const d = s + STR_ASCII_DATA;
  for (let i = 0; i < text.length; i++) store<u8>(d + <usize>i, <u8>text.charCodeAt(i));
  return s;
}

export function strInit(): void {
  emptyStr = strStatic(0, 0);
  latin1 = staticAlloc(256 * 4);
  for (let c: u32 = 0; c < 256; c++) {
    const s = strStatic(1, c);
    store<u8>(strData(s), <u8>c);
    store<u32>(latin1 + (<usize>c << 2), <u32>s);
  }
}

/** PyUnicode_MAX_CHAR_VALUE of a str: 127 when ASCII, else the top of its kind. */
@inline function strMaxChar(s: usize): u32 {
  const state = load<u32>(s + STR_STATE);
  if ((state & STR_STATE_ASCII) != 0) return 127;
  const k = (state >> STR_STATE_KIND_SHIFT) & 7;
  return k == 1 ? 255 : k == 2 ? 65535 : 0x10ffff;
}

/** Copies the characters of s to `at`, in a str of `kind` bytes per character (at least s's kind),
 *  widening them; returns the address after them. */
function strCopyWiden(s: usize, at: usize, kind: usize): usize {
  const len = <usize>strLen(s);
  const k = <usize>strKind(s);
  const src = strData(s);
  if (k == kind) memory.copy(at, src, len * kind);
  else if (kind == 2) {
    for (let i: usize = 0; i < len; i++) store<u16>(at + (i << 1), load<u8>(src + i));
  } else if (k == 1) {
    for (let i: usize = 0; i < len; i++) store<u32>(at + (i << 2), load<u8>(src + i));
  } else {
    for (let i: usize = 0; i < len; i++) store<u32>(at + (i << 2), load<u16>(src + (i << 1)));
  }
  return at + len * kind;
}

/**
 * What _PyUnicode_JoinArray makes once it has its items: the `n` strs whose addresses are u32 words
 * `stride` bytes apart from `items` (borrowed; exact strs or subclass instances), `sep` (a str, or 0)
 * between each two. The result has the widest kind of the pieces and is ASCII when all are; it is a
 * fresh str (NEW reference) even when it equals a piece or a cached one-character str, except that an
 * empty result is the shared ''. 0 with STATUS_BAD_ARGUMENT (nothing made) when an item is not a str, 0
 * with STATUS_NO_MEMORY when the result cannot be allocated.
 */
export function strJoinArray(items: usize, n: i32, stride: usize, sep: usize): usize {
  let total: i64 = 0;
  let maxchar: u32 = 0;
  for (let i = 0; i < n; i++) {
    const p = <usize>load<u32>(items + <usize>i * stride);
    if (tpLayout(typeOf(p)) != LAYOUT_STR) {
      setStatus(STATUS_BAD_ARGUMENT);
      return 0;
    }
    total += <i64>strLen(p);
    const mc = strMaxChar(p);
    if (mc > maxchar) maxchar = mc;
  }
  let sepLen: i64 = 0;
  if (sep != 0 && n > 1) {
    sepLen = <i64>strLen(sep);
    if (sepLen > 0) {
      total += sepLen * <i64>(n - 1);
      const mc = strMaxChar(sep);
      if (mc > maxchar) maxchar = mc;
    }
  }
  if (total == 0) {
    incref(emptyStr);
    return emptyStr;
  }
  const r = strNew(total > 0x7fffffff ? 0x7fffffff : <i32>total, maxchar);
  if (r == 0) return 0;
  const kind: usize = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
  let at = strData(r);
  for (let i = 0; i < n; i++) {
    if (i > 0 && sepLen > 0) at = strCopyWiden(sep, at, kind);
    at = strCopyWiden(<usize>load<u32>(items + <usize>i * stride), at, kind);
  }
  return r;
}

/** The character at index i. */
export function strCharAt(s: usize, i: i32): u32 {
  const k = strKind(s);
  const d = strData(s);
  if (k == 1) return load<u8>(d + <usize>i);
  if (k == 2) return load<u16>(d + (<usize>i << 1));
  return load<u32>(d + (<usize>i << 2));
}

/** A one-character string: the cached latin-1 object for code points < 256 (new reference). */
export function strFromChar(cp: u32): usize {
  if (cp < 256) {
    const s = <usize>load<u32>(latin1 + (<usize>cp << 2));
    incref(s);
    return s;
  }
  const s = strNew(1, cp);
  if (s == 0) return 0;
  if (cp < 65536) store<u16>(strData(s), <u16>cp);
  else store<u32>(strData(s), cp);
  return s;
}

/** Content equality of two str objects (same kind is implied by same content for compact strings). */
export function strEq(a: usize, b: usize): bool {
  if (a == b) return true;
  const n = strLen(a);
  if (n != strLen(b)) return false;
  const k = strKind(a);
  if (k != strKind(b)) return false;
  return memory.compare(strData(a), strData(b), <usize>n * <usize>k) == 0;
}

/** The str hash (cached). CPython randomises it per process; ours is FNV-1a over the code points. */
export function strHash(s: usize): i64 {
  let h = load<i64>(s + STR_HASH);
  if (h != -1) return h;
  const n = strLen(s);
  let x: u64 = 0xcbf29ce484222325;
  for (let i = 0; i < n; i++) {
    x ^= <u64>strCharAt(s, i);
    x *= 0x100000001b3;
  }
  // an empty str hashes to 0 under every seed, as CPython's
  h = n == 0 ? 0 : <i64>x;
  if (h == -1) h = -2;
  store<i64>(s + STR_HASH, h);
  return h;
}

/** sys.getsizeof of a str. */
export function strSizeof(s: usize): usize {
  const n = strLen(s);
  if ((load<u32>(s + STR_STATE) & STR_STATE_COMPACT) == 0) return strSubSizeof(s);
  if (strIsAscii(s)) return <usize>STR_ASCII_DATA + <usize>n + 1;
  return <usize>STR_COMPACT_DATA + (<usize>n + 1) * <usize>strKind(s);
}

// ── str subclasses: the legacy, non-compact PyUnicodeObject ─────────────────────────────────────
// An instance of `class S(str)` is not compact: the 80-byte PyUnicodeObject header (plus the subclass's
// own fields: the weakref list at 80, the managed dict before the GC head) and a separate block of
// (len + 1) · kind bytes for the characters, pointed to by STR_DATA_ANY. ASCII instances point their
// UTF-8 form at that block too, and UCS4 ones their wchar_t form (4-byte wchar_t), as CPython's
// unicode_subtype_new does; neither adds to sys.getsizeof.
//
//   +0 ob_refcnt  +8 ob_type  +16 length  +24 hash  +32 state (compact bit clear)  +40 wstr
//   +48 utf8_length  +56 utf8  +64 wstr_length  +72 data ─► [len + 1 characters]   +80 subclass fields

/** A new instance of the str subclass `t` (a heap type with the str layout) holding the text of the str
 *  `src` (borrowed): the object first, then its character block, as unicode_subtype_new allocates them.
 *  The hash is copied. NEW reference (untracked: the caller tracks it), or 0 on no memory. */
export function strSubNew(t: usize, src: usize): usize {
  const len = strLen(src);
  const kind = strKind(src);
  const ascii = strIsAscii(src);
  const o = objAlloc(t, (<usize>tpBasicsize(t) + 7) & ~(<usize>7));
  if (o == 0) return 0;
  const bytes = (<usize>len + 1) * <usize>kind;
  const data = memAlloc(bytes);
  if (data == 0) {
    // give the block back and the type the reference objAlloc took (the caller still holds one)
    objFreeMemory(o);
    setRefcnt(t, refcnt(t) - 1);
    return 0;
  }
  memory.copy(data, strData(src), bytes);
  store<i64>(o + STR_LENGTH, len);
  store<i64>(o + STR_HASH, load<i64>(src + STR_HASH));
  let state: u32 = (<u32>kind << STR_STATE_KIND_SHIFT) | STR_STATE_READY;
  if (ascii) state |= STR_STATE_ASCII;
  store<u32>(o + STR_STATE, state);
  store<u64>(o + STR_DATA_ANY, <u64>data);
  if (ascii) {
    store<i64>(o + STR_UTF8_LENGTH, len);
    store<u64>(o + STR_UTF8, <u64>data);
  }
  if (kind == 4) {
    store<u64>(o + STR_WSTR, <u64>data);
    store<i64>(o + STR_WSTR_LENGTH, len);
  }
  return o;
}

/** Frees the character block of a non-compact string (before its object, as unicode_dealloc does). */
export function strSubFinish(o: usize): void {
  if ((load<u32>(o + STR_STATE) & STR_STATE_COMPACT) != 0) return;
  const data = <usize>load<u32>(o + STR_DATA_ANY);
  if (data == 0) return;
  store<u64>(o + STR_DATA_ANY, 0);
  store<u64>(o + STR_UTF8, 0);
  store<u64>(o + STR_WSTR, 0);
  memFree(data);
}

/** The character block of a non-compact string (0 for compact strings or none). */
export function strSubDataBlock(o: usize): usize {
  if ((load<u32>(o + STR_STATE) & STR_STATE_COMPACT) != 0) return 0;
  return <usize>load<u32>(o + STR_DATA_ANY);
}

/** str.__sizeof__ of a non-compact string: the PyUnicodeObject plus its characters and terminator. */
function strSubSizeof(s: usize): usize {
  const data = <usize>load<u32>(s + STR_DATA_ANY);
  return <usize>STR_LEGACY_SIZE + (data != 0 ? (<usize>strLen(s) + 1) * <usize>strKind(s) : 0);
}
