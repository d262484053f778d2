// bytes: PyBytesObject = var head + ob_shash (8) + data + NUL; request 33 + len. `b''` is static.
import { BYTES_HASH, BYTES_DATA } from "../../abi/abi";
import { objAlloc, staticAlloc } from "./alloc";
import { setRefcnt, setType, obSize, setObSize, tpBasicsize } from "./header";
import { tBytes, STATIC_REFCNT } from "./types";
import { tooBig } from "../common";

export let emptyBytes: usize = 0;
let byteChars: usize = 0;

export function bytesInit(): void {
  emptyBytes = staticAlloc(33);
  setRefcnt(emptyBytes, STATIC_REFCNT);
  setType(emptyBytes, tBytes);
  store<i64>(emptyBytes + BYTES_HASH, -1);
  byteChars = staticAlloc(256 * 4);
  for (let c = 0; c < 256; c++) {
    const b = staticAlloc(34);
    setRefcnt(b, STATIC_REFCNT);
    setType(b, tBytes);
    setObSize(b, 1);
    store<i64>(b + BYTES_HASH, -1);
    store<u8>(b + BYTES_DATA, <u8>c);
    store<u32>(byteChars + (<usize>c << 2), <u32>b);
  }
}

/** The static one-byte bytes object for c (borrowed). */
export function bytesChar(c: i32): usize {
  return <usize>load<u32>(byteChars + (<usize>(c & 255) << 2));
}

/** A new bytes object of `len` bytes (zeroed); 0 on no memory. */
export function bytesNew(len: i32): usize {
  if (tooBig(len, 1)) return 0;
  const o = objAlloc(tBytes, 33 + <usize>len);
  if (o == 0) return 0;
  setObSize(o, len);
  store<i64>(o + BYTES_HASH, -1);
  return o;
}

export function bytesEq(a: usize, b: usize): bool {
  const n = obSize(a);
  if (n != obSize(b)) return false;
  return memory.compare(a + BYTES_DATA, b + BYTES_DATA, <usize>n) == 0;
}

export function bytesHash(o: usize): i64 {
  let h = load<i64>(o + BYTES_HASH);
  if (h != -1) return h;
  const n = obSize(o);
  let x: u64 = 0xcbf29ce484222325;
  for (let i = 0; i < n; i++) {
    x ^= <u64>load<u8>(o + BYTES_DATA + <usize>i);
    x *= 0x100000001b3;
  }
  // an empty bytes hashes to 0 under every seed, as CPython's
  h = n == 0 ? 0 : <i64>x;
  if (h == -1) h = -2;
  store<i64>(o + BYTES_HASH, h);
  return h;
}

/** A new instance of the bytes subclass `t` (a heap type with the bytes layout: basicsize 41 with its
 *  dict word, itemsize 1) holding the bytes of `src` (borrowed), as bytes_subtype_new copies them: the
 *  block takes basicsize + (n + 1) bytes rounded up to 8 (PyType_GenericAlloc's spare item), the data
 *  and its NUL sit where a bytes object has them, the cached hash is copied. NEW reference (untracked),
 *  0 on no memory. */
export function bytesSubNew(t: usize, src: usize): usize {
  const n = obSize(src);
  const o = objAlloc(t, (<usize>tpBasicsize(t) + <usize>n + 1 + 7) & ~(<usize>7));
  if (o == 0) return 0;
  setObSize(o, n);
  store<i64>(o + BYTES_HASH, load<i64>(src + BYTES_HASH));
  memory.copy(o + BYTES_DATA, src + BYTES_DATA, <usize>n);
  return o;
}
