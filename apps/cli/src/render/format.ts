/** Small formatting helpers shared by the renderers. */
import type { HeapObject } from "@pyheap/python";

/** `0x…a0f8`: the last four hex digits of an id, enough to tell objects of one run apart on screen. */
export function shortId(id: string): string {
  let hex: string;
  try {
    hex = BigInt(id).toString(16);
  } catch {
    return id;
  }
  return hex.length <= 4 ? `0x${hex}` : `0x…${hex.slice(-4)}`;
}

/** "untracked", "gen 0" …, or "no gc" for objects without a GC header. */
export function generationText(obj: HeapObject): string {
  if (obj.generation !== null) return `gen ${obj.generation}`;
  return obj.gcType ? "untracked" : "not gc";
}

/** A one-line picture of an object: type, short id, refcount, generation, size, repr. */
export function objectLine(obj: HeapObject): string {
  return `${obj.type} ${shortId(obj.id)}  rc ${obj.refcount}  ${generationText(obj)}  ${obj.size} B  ${obj.repr}`;
}

/** "1 object" / "3 objects". */
export function plural(n: number, word: string, wordPlural = `${word}s`): string {
  return `${n} ${n === 1 ? word : wordPlural}`;
}

/** Thousands separators for counts. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** JSON string literal for text that may contain newlines. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}
