// Makes an instance of the core restorable in place (see Heap.reset). A rewritten module:
//  * grows its memory through a function of its own that hands out pages from a break global ("brk") and
//    calls memory.grow only past the memory's current size (then by more than needed, see below). A fresh instance behaves exactly as before (brk
//    equals the memory's size), but after a restore the pages above the restored brk are handed out again
//    at the same addresses instead of new ones above them;
//    Every `memory.size` of the core reads the break too: after a restore the memory is larger than the
//    break, and the core must see the size a fresh instance would have (it sizes tables by it and predicts
//    where the next arena goes);
//  * exports every mutable global (brk included) as "__pyheap_g<index>", so that memory + globals, the
//    instance's whole state, can be saved and put back.
// Only the sections involved are decoded; a module using instructions this decoder does not know is left
// as it is (the binding then resets by instantiating again).

/** Prefix of the names given to the exported globals. */
export const GLOBAL_EXPORT_PREFIX = "__pyheap_g";

/** The memory size (64 KiB pages, 24 MiB) the memory does not grow ahead past while the break is within it. */
export const AHEAD_STOP_PAGES = 384;

class Reader {
  pos: number;
  constructor(readonly b: Uint8Array, pos = 0) {
    this.pos = pos;
  }
  byte(): number {
    if (this.pos >= this.b.length) throw new Error("wasm: unexpected end");
    return this.b[this.pos++]!;
  }
  u32(): number {
    let r = 0;
    let mul = 1;
    for (;;) {
      const x = this.byte();
      r += (x & 0x7f) * mul;
      if (!(x & 0x80)) return r;
      mul *= 128;
    }
  }
  leb(): void {
    while (this.byte() & 0x80);
  }
  skip(n: number): void {
    this.pos += n;
  }
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const x = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(x & 0x40)) || (n === -1 && x & 0x40)) {
      out.push(x);
      return out;
    }
    out.push(x | 0x80);
  }
}

function append(out: number[], xs: ArrayLike<number>): void {
  for (let i = 0; i < xs.length; i++) out.push(xs[i]!);
}

function section(id: number, content: number[] | Uint8Array): number[] {
  const out = [id, ...uleb(content.length)];
  append(out, content);
  return out;
}

/** Copies one function body, replacing each `memory.grow 0` by `call growFn` and each `memory.size 0` by
 *  `global.get brk`. */
function rewriteBody(body: Uint8Array, growFn: number, brk: number): number[] {
  const r = new Reader(body);
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    r.u32();
    r.byte();
  }
  const out: number[] = Array.from(body.subarray(0, r.pos));
  let from = r.pos;
  const memarg = () => {
    r.u32();
    r.u32();
  };
  while (r.pos < body.length) {
    const at = r.pos;
    const op = r.byte();
    if (op === 0x40) {
      if (r.byte() !== 0) throw new Error("wasm: multi-memory");
      append(out, body.subarray(from, at));
      out.push(0x10, ...uleb(growFn));
      from = r.pos;
    } else if (op <= 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b || op === 0xd1) {
      // no immediate
    } else if (op >= 0x02 && op <= 0x04) {
      const t = r.b[r.pos]!;
      if (t === 0x40 || t === 0x7f || t === 0x7e || t === 0x7d || t === 0x7c || t === 0x7b || t === 0x70 || t === 0x6f) r.skip(1);
      else r.leb();
    } else if (op === 0x0c || op === 0x0d || op === 0x10 || op === 0x12 || (op >= 0x20 && op <= 0x26) || op === 0xd2) r.u32();
    else if (op === 0x0e) {
      const k = r.u32();
      for (let i = 0; i <= k; i++) r.u32();
    } else if (op === 0x11 || op === 0x13) {
      r.u32();
      r.u32();
    } else if (op === 0x1c) {
      const k = r.u32();
      r.skip(k);
    } else if (op >= 0x28 && op <= 0x3e) memarg();
    else if (op === 0x3f) {
      if (r.byte() !== 0) throw new Error("wasm: multi-memory");
      append(out, body.subarray(from, at));
      out.push(0x23, ...uleb(brk));
      from = r.pos;
    }
    else if (op === 0x41 || op === 0x42) r.leb();
    else if (op === 0x43) r.skip(4);
    else if (op === 0x44) r.skip(8);
    else if (op >= 0x45 && op <= 0xc4) {
      // numeric, no immediate
    } else if (op === 0xd0) r.byte();
    else if (op === 0xfc) {
      const sub = r.u32();
      if (sub <= 7) {
        // saturating truncations
      } else if (sub === 8) {
        r.u32();
        r.byte();
      } else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
      else if (sub === 10) r.skip(2);
      else if (sub === 11) r.skip(1);
      else if (sub === 12 || sub === 14) {
        r.u32();
        r.u32();
      } else throw new Error(`wasm: unknown 0xfc ${sub}`);
    } else throw new Error(`wasm: unknown opcode 0x${op.toString(16)}`);
  }
  append(out, body.subarray(from));
  return out;
}

/** The rewritten module (see the top of this file), or null if it cannot be rewritten. */
export function makeRestorable(bytes: Uint8Array): Uint8Array | null {
  try {
    return rewrite(bytes);
  } catch {
    return null;
  }
}

function rewrite(bytes: Uint8Array): Uint8Array | null {
  const r = new Reader(bytes, 8);
  const sections: { id: number; body: Uint8Array }[] = [];
  while (r.pos < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    sections.push({ id, body: bytes.subarray(r.pos, r.pos + size) });
    r.pos += size;
  }
  const find = (id: number) => sections.find((s) => s.id === id);
  const types = find(1);
  const funcs = find(3);
  const mem = find(5);
  const globals = find(6);
  const exports = find(7);
  const code = find(10);
  if (!types || !funcs || !mem || !globals || !exports || !code) return null;
  // imports: count functions and globals
  let importedFuncs = 0;
  let importedGlobals = 0;
  const imp = find(2);
  if (imp) {
    const q = new Reader(imp.body);
    const n = q.u32();
    for (let i = 0; i < n; i++) {
      q.skip(q.u32());
      q.skip(q.u32());
      const kind = q.byte();
      if (kind === 0) {
        q.u32();
        importedFuncs++;
      } else if (kind === 1) {
        q.byte();
        const fl = q.u32();
        q.u32();
        if (fl & 1) q.u32();
      } else if (kind === 2) return null; // an imported memory: not this module
      else if (kind === 3) {
        q.skip(2);
        importedGlobals++;
      } else return null;
    }
  }
  // the memory's initial size (pages)
  const mq = new Reader(mem.body);
  if (mq.u32() !== 1) return null;
  const mflags = mq.u32();
  if (mflags & ~1) return null;
  const initialPages = mq.u32();
  // type (i32) -> i32
  const tq = new Reader(types.body);
  const ntypes = tq.u32();
  const typesStart = tq.pos;
  let growType = -1;
  for (let i = 0; i < ntypes; i++) {
    if (tq.byte() !== 0x60) return null;
    const np = tq.u32();
    const ps = Array.from(tq.b.subarray(tq.pos, tq.pos + np));
    tq.skip(np);
    const nr = tq.u32();
    const rs = Array.from(tq.b.subarray(tq.pos, tq.pos + nr));
    tq.skip(nr);
    if (growType < 0 && np === 1 && ps[0] === 0x7f && nr === 1 && rs[0] === 0x7f) growType = i;
  }
  let newTypes: Uint8Array | number[] = types.body;
  if (growType < 0) {
    growType = ntypes;
    const rest = types.body.subarray(typesStart);
    newTypes = [...uleb(ntypes + 1)];
    append(newTypes, rest);
    newTypes.push(0x60, 1, 0x7f, 1, 0x7f);
  }
  // functions
  const fq = new Reader(funcs.body);
  const nfuncs = fq.u32();
  const growFn = importedFuncs + nfuncs;
  const newFuncs = [...uleb(nfuncs + 1)];
  append(newFuncs, funcs.body.subarray(fq.pos));
  newFuncs.push(...uleb(growType));
  // globals: the mutable ones, then brk
  const gq = new Reader(globals.body);
  const nglobals = gq.u32();
  const globalsStart = gq.pos;
  const mutable: number[] = [];
  for (let i = 0; i < nglobals; i++) {
    gq.byte();
    if (gq.byte() === 1) mutable.push(importedGlobals + i);
    for (;;) {
      const op = gq.byte();
      if (op === 0x0b) break;
      if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) gq.leb();
      else if (op === 0x43) gq.skip(4);
      else if (op === 0x44) gq.skip(8);
      else if (op === 0xd0) gq.byte();
      else return null;
    }
  }
  const brk = importedGlobals + nglobals;
  mutable.push(brk);
  const newGlobals = [...uleb(nglobals + 1), ...globals.body.subarray(globalsStart), 0x7f, 1, 0x41, ...sleb(initialPages), 0x0b];
  // exports
  const eq = new Reader(exports.body);
  const nexports = eq.u32();
  const added: number[] = [];
  for (const g of mutable) {
    const name = Array.from(`${GLOBAL_EXPORT_PREFIX}${g}`, (c) => c.charCodeAt(0));
    added.push(...uleb(name.length), ...name, 3, ...uleb(g));
  }
  const newExports = [...uleb(nexports + mutable.length)];
  append(newExports, exports.body.subarray(eq.pos));
  append(newExports, added);
  // code: memory.grow → call grow; then grow's body
  const cq = new Reader(code.body);
  const ncode = cq.u32();
  const newCode: number[] = [...uleb(ncode + 1)];
  for (let i = 0; i < ncode; i++) {
    const size = cq.u32();
    const body = rewriteBody(cq.b.subarray(cq.pos, cq.pos + size), growFn, brk);
    cq.skip(size);
    newCode.push(...uleb(body.length));
    append(newCode, body);
  }
  const B = uleb(brk);
  // The memory itself grows ahead of the break, by a quarter of its size (or by exactly what is needed
  // when that much cannot be had): the core sees only the break, so nothing it does changes, but V8 runs a
  // full garbage collection of the JS heap after every few `memory.grow` calls, and an allocator growing
  // one 256 KiB arena at a time made hundreds of them in a large program. While the break stays within
  // AHEAD_STOP_PAGES the memory does not grow past that size either, so a memory of at most that size is
  // still one whose pages in use are too (the interpreter's heap pool keeps heaps up to 24 MiB of memory).
  const S = sleb(AHEAD_STOP_PAGES);
  const grow = [
    1, 3, 0x7f, // three i32 locals: the old break, the pages needed, the memory's new size
    0x23, ...B, 0x20, 0, 0x6a, 0x3f, 0, 0x4b, 0x04, 0x40, // if brk + n > memory.size
    0x23, ...B, 0x20, 0, 0x6a, 0x3f, 0, 0x6b, 0x21, 2, // need = brk + n - size
    0x3f, 0, 0x20, 2, 0x6a, 0x3f, 0, 0x41, 2, 0x76, 0x6a, 0x21, 3, // target = size + need + size / 4
    0x3f, 0, 0x20, 2, 0x6a, 0x41, ...S, 0x4d, 0x20, 3, 0x41, ...S, 0x4b, 0x71, 0x04, 0x40, // if size + need <= stop && target > stop
    0x41, ...S, 0x21, 3, // target = stop
    0x0b,
    0x20, 3, 0x3f, 0, 0x6b, 0x40, 0, 0x41, 0x7f, 0x46, 0x04, 0x40, // memory.grow(target - size) == -1
    0x20, 2, 0x40, 0, 0x41, 0x7f, 0x46, 0x04, 0x40, // memory.grow(need) == -1
    0x41, 0x7f, 0x0f, 0x0b, // return -1
    0x0b,
    0x0b,
    0x23, ...B, 0x21, 1, // old = brk
    0x23, ...B, 0x20, 0, 0x6a, 0x24, ...B, // brk += n
    0x20, 1, 0x0b, // return old
  ];
  newCode.push(...uleb(grow.length), ...grow);
  const parts: number[][] = [];
  for (const s of sections) {
    const body =
      s.id === 1 ? newTypes : s.id === 3 ? newFuncs : s.id === 6 ? newGlobals : s.id === 7 ? newExports : s.id === 10 ? newCode : s.body;
    parts.push(section(s.id, body));
  }
  const total = 8 + parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(total);
  out.set(bytes.subarray(0, 8), 0);
  let p = 8;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
