// Byte strings as JavaScript text and searches in them, with what every JavaScript engine has (no Node
// Buffer: the web component runs the interpreter in browsers).

/** The bytes as a latin-1 string, one char per byte. */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x2000) s += String.fromCharCode(...b.subarray(i, i + 0x2000));
  return s;
}

/** A latin-1 string back to bytes (each char's low byte). */
export function unlatin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Whether needle occurs in hay as a contiguous run (the empty needle always does). */
export function bytesContain(hay: Uint8Array, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0]!;
  for (let i = hay.indexOf(first); i !== -1 && i + n <= hay.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return true;
  }
  return false;
}

/** A code point as repr() escapes it: \xNN, \uNNNN or \UNNNNNNNN. */
export function charEscape(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}
