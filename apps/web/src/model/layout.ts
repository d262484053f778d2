/**
 * Where every box and arrow of the diagram goes.
 *
 * Frames stand in the first column; objects are placed in columns by their distance (in references) from
 * the frames, in the order a breadth-first walk meets them, so a name's object sits next to the frame and a
 * list's items one column further. Every object is drawn once, however many arrows point at it. Garbage
 * (see graph.ts) gets its own band below, laid out the same way. The result is plain numbers: the view
 * turns it into SVG, the tests check it in Node.
 */
import type { FrameView, HeapObject } from "@pyheap/python";
import { expandsReferents, type HeapAnalysis } from "./graph.js";
import type { HeapMap } from "./heap-at.js";

export const FRAME_W = 170;
export const BOX_W = 210;
export const COL_GAP = 70;
export const ROW_GAP = 18;
export const PAD = 16;
export const FRAME_HEADER = 26;
export const FRAME_ROW = 24;
export const BOX_HEADER = 24;
export const BOX_LINE = 20;
export const BOX_ROW = 18;
/** At most this many referent rows per box; the rest are summed up in one "+N more" row. */
export const MAX_ROWS = 8;
/** At most this many boxes per diagram (the rest are counted in `DiagramLayout.omitted`). */
export const MAX_BOXES = 120;
/** Height of the caption above the garbage band. */
export const BAND_CAPTION = 28;

/** One referent row of a box (or one local of a frame): where its arrow starts. */
export interface RowLayout {
  label: string;
  serial: number;
  /** The y of the row's centre, where the arrow leaves. */
  y: number;
}

export interface FrameLayout {
  index: number;
  name: string;
  line: number;
  x: number;
  y: number;
  w: number;
  h: number;
  rows: RowLayout[];
}

export interface BoxLayout {
  serial: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Column: 1 for objects named directly by a frame, 2 for their referents, and so on. */
  depth: number;
  garbage: boolean;
  rows: RowLayout[];
  /** Referents not drawn as rows (beyond MAX_ROWS). */
  more: number;
}

export interface EdgeLayout {
  /** "f<frame>:<name>" for locals, "o<serial>:<row>" for referents. */
  key: string;
  fromSerial: number | null;
  toSerial: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path data of the arrow. */
  d: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  frames: FrameLayout[];
  boxes: Map<number, BoxLayout>;
  edges: EdgeLayout[];
  /** The y where the garbage band starts, or null when there is no garbage. */
  garbageTop: number | null;
  /** Objects reachable in the drawing that were left out because of MAX_BOXES. */
  omitted: number;
}

/**
 * Module attributes like `__name__` and `__builtins__` are not drawn: every module has them and they would
 * crowd out the program's own names. They still count as references (see graph.ts).
 */
export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

function boxHeight(obj: HeapObject): number {
  const shown = expandsReferents(obj) ? Math.min(obj.referents.length, MAX_ROWS) : 0;
  const more = expandsReferents(obj) && obj.referents.length > MAX_ROWS ? 1 : 0;
  return BOX_HEADER + 2 * BOX_LINE + (shown + more) * BOX_ROW + 8;
}

/** Lays out frames, the objects reachable from them and the garbage of one step. */
export function layoutDiagram(heap: HeapMap, frames: readonly FrameView[], analysis: HeapAnalysis): DiagramLayout {
  // Which objects are drawn, and in which column: a breadth-first walk from the frames, innermost frame
  // last as in tracebacks; only containers' referents are followed (see OPAQUE_TYPES).
  const depth = new Map<number, number>();
  const order: number[] = [];
  let omitted = 0;
  const walk = (starts: number[], startDepth: number): void => {
    const queue: number[] = [];
    for (const s of starts) {
      if (depth.has(s) || !heap.has(s)) continue;
      if (order.length >= MAX_BOXES) {
        omitted++;
        continue;
      }
      depth.set(s, startDepth);
      order.push(s);
      queue.push(s);
    }
    for (let head = 0; head < queue.length; head++) {
      const obj = heap.get(queue[head]!)!;
      if (!expandsReferents(obj)) continue;
      for (const r of obj.referents) {
        if (depth.has(r.serial) || !heap.has(r.serial)) continue;
        if (order.length >= MAX_BOXES) {
          omitted++;
          continue;
        }
        depth.set(r.serial, depth.get(obj.serial)! + 1);
        order.push(r.serial);
        queue.push(r.serial);
      }
    }
  };
  const named: number[] = [];
  for (const f of frames) {
    for (const l of f.locals) if (!isDunder(l.name)) named.push(l.serial);
    for (const s of f.stack ?? []) named.push(s.serial);
  }
  walk(named, 1);
  const liveCount = order.length;
  const garbageStarts = [...analysis.garbage].sort((a, b) => a - b);
  walk(garbageStarts, 1);

  // Frames: one box each, stacked top to bottom, outermost first.
  const frameLayouts: FrameLayout[] = [];
  let fy = PAD;
  frames.forEach((f, index) => {
    const rows: RowLayout[] = [];
    const stack = f.stack ?? [];
    const entries = [
      ...f.locals.filter((l) => !isDunder(l.name)).map((l) => ({ label: l.name, serial: l.serial })),
      ...stack.map((s, i) => ({ label: `stack[${i}]`, serial: s.serial })),
    ];
    entries.forEach((e, i) => rows.push({ ...e, y: fy + FRAME_HEADER + i * FRAME_ROW + FRAME_ROW / 2 }));
    const h = FRAME_HEADER + Math.max(1, entries.length) * FRAME_ROW + 6;
    frameLayouts.push({ index, name: f.name, line: f.line, x: PAD, y: fy, w: FRAME_W, h, rows });
    fy += h + ROW_GAP;
  });

  // Objects: column by depth, stacked in walk order; the garbage band starts below the tallest column.
  const boxes = new Map<number, BoxLayout>();
  const colX = (d: number): number => PAD + FRAME_W + COL_GAP + (d - 1) * (BOX_W + COL_GAP);
  const place = (serials: number[], top: number, garbage: boolean): number => {
    const colY = new Map<number, number>();
    let bottom = top;
    for (const serial of serials) {
      const obj = heap.get(serial)!;
      const d = depth.get(serial)!;
      const y = colY.get(d) ?? top;
      const h = boxHeight(obj);
      const rows: RowLayout[] = [];
      let more = 0;
      if (expandsReferents(obj)) {
        obj.referents.forEach((r, i) => {
          if (i < MAX_ROWS) rows.push({ label: r.label, serial: r.serial, y: y + BOX_HEADER + 2 * BOX_LINE + i * BOX_ROW + BOX_ROW / 2 });
          else more++;
        });
      }
      boxes.set(serial, { serial, x: colX(d), y, w: BOX_W, h, depth: d, garbage, rows, more });
      colY.set(d, y + h + ROW_GAP);
      bottom = Math.max(bottom, y + h);
    }
    return bottom;
  };
  const liveBottom = place(order.slice(0, liveCount), PAD, false);
  const garbageSerials = order.slice(liveCount);
  let garbageTop: number | null = null;
  let bottom = Math.max(liveBottom, fy - ROW_GAP);
  if (garbageSerials.length > 0) {
    garbageTop = bottom + ROW_GAP;
    bottom = place(garbageSerials, garbageTop + BAND_CAPTION, true);
    for (const s of garbageSerials) boxes.get(s)!.garbage = analysis.garbage.has(s);
  }

  // Arrows: from the right edge of a row to the left edge of the target's header.
  const edges: EdgeLayout[] = [];
  const arrow = (key: string, fromSerial: number | null, x1: number, y1: number, toSerial: number): void => {
    const to = boxes.get(toSerial);
    if (!to) return;
    const y2 = to.y + BOX_HEADER / 2;
    if (to.x > x1) {
      edges.push({ key, fromSerial, toSerial, x1, y1, x2: to.x, y2, d: curve(x1, y1, to.x, y2) });
    } else {
      const x2 = to.x + to.w;
      edges.push({ key, fromSerial, toSerial, x1, y1, x2, y2, d: loop(x1, y1, x2, y2) });
    }
  };
  for (const f of frameLayouts) for (const r of f.rows) arrow(`f${f.index}:${r.label}`, null, f.x + f.w, r.y, r.serial);
  for (const b of boxes.values()) b.rows.forEach((r, i) => arrow(`o${b.serial}:${i}`, b.serial, b.x + b.w, r.y, r.serial));

  const maxDepth = Math.max(0, ...[...boxes.values()].map((b) => b.depth));
  // Arrows back to the same or an earlier column loop out to the right of the last column.
  const width = maxDepth > 0 ? colX(maxDepth) + BOX_W + PAD + LOOP_OUT : PAD * 2 + FRAME_W;
  return { width, height: bottom + PAD, frames: frameLayouts, boxes, edges, garbageTop, omitted };
}

/** How far arrows that loop back (cycles, references to an earlier column) swing out to the right. */
export const LOOP_OUT = 56;

/** A forward arrow: a cubic curve from a row's right edge (x1,y1) to a box's left edge (x2,y2). */
export function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(30, (x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2 - 6},${y2}`;
}

/**
 * An arrow to a box in the same or an earlier column: it leaves the row to the right, swings out by up to
 * LOOP_OUT and comes back into the target's right edge (x2,y2), so cycles read as loops beside the boxes.
 */
export function loop(x1: number, y1: number, x2: number, y2: number): string {
  const out = Math.min(LOOP_OUT, 24 + Math.abs(y2 - y1) / 4);
  const right = Math.max(x1, x2) + out;
  return `M${x1},${y1} C${right},${y1} ${right},${y2} ${x2 + 6},${y2}`;
}
