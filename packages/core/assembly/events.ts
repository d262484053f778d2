// The event ring: fixed-size entries (EV_WORDS i32 words) written only while tracing is on. When off,
// each hook is one load and one branch. The binding drains the ring (ev_count / ev_base / ev_clear).
import { EV_WORDS } from "../abi/abi";
import { sysAlloc } from "./mem/sys";

export let evOn: bool = false;
let evBuf: usize = 0;
let evCap: u32 = 0;
let evLen: u32 = 0;
export let evDropped: u32 = 0;

/** Turns tracing on with room for `cap` events (the buffer is kept for the instance's lifetime). */
export function evEnable(cap: u32): bool {
  if (cap > evCap) {
    const b = sysAlloc(<usize>cap * EV_WORDS * 4);
    if (b == 0) return false;
    evBuf = b;
    evCap = cap;
  }
  evLen = 0;
  evOn = true;
  return true;
}
export function evDisable(): void {
  evOn = false;
}
export function evCount(): u32 {
  return evLen;
}
export function evBase(): usize {
  return evBuf;
}
export function evClear(): void {
  evLen = 0;
  evDropped = 0;
}

/** Appends one event; when the ring is full, further events are counted as dropped. */
export function evPush(kind: i32, a: u32, b: u32, c: u32): void {
  if (evLen >= evCap) {
    evDropped++;
    return;
  }
  const p = evBuf + <usize>evLen * EV_WORDS * 4;
  store<i32>(p, kind);
  store<u32>(p, a, 4);
  store<u32>(p, b, 8);
  store<u32>(p, c, 12);
  evLen++;
}

@inline export function ev(kind: i32, a: u32, b: u32, c: u32): void {
  if (evOn) evPush(kind, a, b, c);
}
