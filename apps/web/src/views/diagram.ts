/**
 * The diagram: frames, object boxes and arrows as one SVG, from a `DiagramLayout`. Stateless: the element
 * passes what is selected and highlighted, and receives selection through the callbacks.
 */
import type { HeapObject } from "@pyheap/python";
import { nothing, svg, type SVGTemplateResult } from "lit";
import { shortId, type HeapAnalysis } from "../model/graph.js";
import type { HeapMap } from "../model/heap-at.js";
import { BAND_CAPTION, BOX_HEADER, BOX_LINE, BOX_ROW, FRAME_HEADER, type BoxLayout, type DiagramLayout } from "../model/layout.js";

/** Marks the diagram puts on boxes for the step's events and the shown collection phase. */
export interface DiagramMarks {
  selected: number | null;
  /** Serials whose references to the selection are highlighted (holders), and the highlighted edges. */
  holderSerials: Set<number>;
  holderEdges: Set<string>;
  /** Edges of the "why is this alive?" path to the selected object. */
  pathEdges: Set<string>;
  allocated: Set<number>;
  promoted: Set<number>;
  /** Objects freed in this step, drawn as fading outlines where they stood: serial → "freed"|"collected". */
  ghosts: Map<number, { box: BoxLayout; obj: HeapObject; how: "freed" | "collected" }>;
  /** While a collection phase is shown: gc_refs per object and the reachable/unreachable sets. */
  gcRefs: Map<number, number> | null;
  reachable: Set<number> | null;
  unreachable: Set<number> | null;
}

export interface DiagramHandlers {
  select(serial: number | null): void;
  hover(serial: number | null): void;
}

/** Cuts `s` to `n` characters with an ellipsis. */
export function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The refcount as shown on a badge. Objects that live as long as the interpreter may carry a count far
 * beyond any real reference total (a guard against ever reaching 0); they show "∞".
 */
export function refcountText(obj: HeapObject): string {
  return obj.immortalish && obj.refcount >= IMMORTAL_REFCOUNT ? "∞" : String(obj.refcount);
}

/** Counts from this value up on an immortal object are a guard, not a number of references. */
export const IMMORTAL_REFCOUNT = 100_000_000;

/** A short accessible description of an object. */
export function describeObject(obj: HeapObject, garbage: boolean): string {
  const gen = obj.immortalish ? "immortal" : obj.generation === null ? "untracked" : `generation ${obj.generation}`;
  return `${obj.type} ${obj.repr}, id ${obj.id}, refcount ${refcountText(obj) === "∞" ? "unbounded (lives as long as the interpreter)" : obj.refcount}, ${gen}, ${obj.size} bytes${garbage ? ", unreachable, awaiting collection" : ""}`;
}

function badge(x: number, y: number, text: string, cls: string): [SVGTemplateResult, number] {
  const w = Math.round(text.length * 6.6 + 12);
  return [
    svg`<g class="badge ${cls}"><rect x=${x} y=${y} width=${w} height=16></rect><text x=${x + w / 2} y=${y + 12} text-anchor="middle">${text} </text></g>`,
    w,
  ];
}

function renderBox(b: BoxLayout, obj: HeapObject, analysis: HeapAnalysis, marks: DiagramMarks, h: DiagramHandlers): SVGTemplateResult {
  const classes = ["box"];
  if (b.garbage) classes.push("garbage");
  if (marks.selected === b.serial) classes.push("selected");
  if (marks.holderSerials.has(b.serial)) classes.push("holder");
  if (marks.allocated.has(b.serial)) classes.push("new");
  if (marks.promoted.has(b.serial)) classes.push("promoted");
  if (marks.unreachable?.has(b.serial)) classes.push("unreachable");
  else if (marks.reachable?.has(b.serial)) classes.push("reachable");
  const badges: SVGTemplateResult[] = [];
  let bx = b.x + 8;
  const by = b.y + BOX_HEADER + BOX_LINE + 2;
  const badgeTexts = [
    [`rc ${refcountText(obj)}`, "rc"],
    obj.immortalish ? ["immortal", "immortal"] : obj.generation === null ? ["untracked", "untracked"] : [`gen ${obj.generation}`, `gen${obj.generation}`],
    [`${obj.size} B`, "size"],
  ] as const;
  for (const [text, cls] of badgeTexts) {
    const [t, w] = badge(bx, by, text, cls);
    badges.push(t);
    bx += w + 5;
  }
  const gcRefs = marks.gcRefs?.get(b.serial);
  // The accessible name is the box's visible text in reading order (so speech input can name it); the
  // longer description follows in aria-description. Each text node ends in a space so that the text
  // nodes read as separate words.
  const name = [
    clip(obj.type, 16),
    shortId(obj.id),
    clip(obj.repr, 28),
    ...badgeTexts.map(([t]) => t),
    ...b.rows.map((r) => clip(r.label, 24)),
    ...(b.more > 0 ? [`+${b.more} more`] : []),
    ...(gcRefs !== undefined ? [`gc_refs ${gcRefs}`] : []),
  ].join(" ");
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      h.select(marks.selected === b.serial ? null : b.serial);
    }
  };
  return svg`<g class=${classes.join(" ")} part="box" tabindex="0" role="button"
      aria-label=${name} aria-description=${describeObject(obj, b.garbage)} aria-pressed=${marks.selected === b.serial ? "true" : "false"}
      data-serial=${b.serial} data-id=${obj.id} data-type=${obj.type} data-refcount=${obj.refcount}
      @click=${() => h.select(marks.selected === b.serial ? null : b.serial)} @keydown=${onKey}
      @mouseenter=${() => h.hover(b.serial)} @mouseleave=${() => h.hover(null)}
      @focus=${() => h.hover(b.serial)} @blur=${() => h.hover(null)}>
    <rect class="body" x=${b.x} y=${b.y} width=${b.w} height=${b.h} rx="6"></rect>
    <text class="type" x=${b.x + 8} y=${b.y + 16}>${clip(obj.type, 16)} </text>
    <text class="id" x=${b.x + b.w - 8} y=${b.y + 16} text-anchor="end">${shortId(obj.id)} </text>
    <line class="sep" x1=${b.x} x2=${b.x + b.w} y1=${b.y + BOX_HEADER} y2=${b.y + BOX_HEADER}></line>
    <text class="repr" x=${b.x + 8} y=${b.y + BOX_HEADER + 14}>${clip(obj.repr, 28)} </text>
    ${badges}
    ${b.rows.map(
      (r) => svg`<text class="row-label" x=${b.x + 10} y=${r.y + 4}>${clip(r.label, 24)} </text>
        <circle class="dot" cx=${b.x + b.w - 6} cy=${r.y} r="3"></circle>`,
    )}
    ${b.more > 0 ? svg`<text class="row-label" x=${b.x + 10} y=${b.y + BOX_HEADER + 2 * BOX_LINE + b.rows.length * BOX_ROW + 13}>+${b.more} more </text>` : nothing}
    ${
      gcRefs !== undefined
        ? svg`<g class="gc-refs"><rect x=${b.x + b.w - 64} y=${b.y - 10} width="60" height="18" rx="9"></rect>
            <text x=${b.x + b.w - 34} y=${b.y + 3} text-anchor="middle">gc_refs ${gcRefs} </text></g>`
        : nothing
    }
  </g>`;
}

/** Renders the whole diagram for one step. */
export function renderDiagram(
  layout: DiagramLayout,
  heap: HeapMap,
  analysis: HeapAnalysis,
  marks: DiagramMarks,
  handlers: DiagramHandlers,
): SVGTemplateResult {
  const width = Math.max(layout.width, ...[...marks.ghosts.values()].map((g) => g.box.x + g.box.w + 16));
  const height = Math.max(layout.height, ...[...marks.ghosts.values()].map((g) => g.box.y + g.box.h + 16));
  return svg`<svg class="diagram" xmlns="http://www.w3.org/2000/svg" width=${width} height=${height}
      viewBox="0 0 ${width} ${height}" role="group" aria-label="Frames and heap objects">
    <defs>
      <marker id="py-heap-arrow" viewBox="0 0 10 10" refX="4" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
        <path class="arrowhead" d="M0,0 L10,5 L0,10 z"></path>
      </marker>
    </defs>
    <rect x="0" y="0" width=${width} height=${height} fill="var(--c-bg)"></rect>
    ${
      layout.garbageTop !== null
        ? svg`<g class="band"><rect x="6" y=${layout.garbageTop} width=${width - 12} height=${layout.height - layout.garbageTop - 8} rx="8"></rect>
            <text x="16" y=${layout.garbageTop + BAND_CAPTION - 10}>unreachable: awaiting collection (greyed until the collector frees it)</text></g>`
        : nothing
    }
    ${layout.frames.map(
      (f) => svg`<g class="frame" part="frame" data-frame=${f.name}>
        <rect class="body" x=${f.x} y=${f.y} width=${f.w} height=${f.h} rx="6"></rect>
        <text class="title" x=${f.x + 8} y=${f.y + 17}>${clip(f.name, 18)} <tspan class="id">line ${f.line}</tspan></text>
        ${f.rows.map(
          (r) => svg`<text class="row-label" x=${f.x + 10} y=${r.y + 4} @click=${() => handlers.select(r.serial)}>${clip(r.label, 20)}</text>
            <circle class="dot" cx=${f.x + f.w - 6} cy=${r.y} r="3"></circle>`,
        )}
        ${f.rows.length === 0 ? svg`<text class="row-label id" x=${f.x + 10} y=${f.y + FRAME_HEADER + 14}>no names yet</text>` : nothing}
      </g>`,
    )}
    ${[...marks.ghosts.values()].map(
      (g) => svg`<g class="ghost ${g.how}" data-serial=${g.obj.serial}>
        <rect class="body" x=${g.box.x} y=${g.box.y} width=${g.box.w} height=${Math.min(g.box.h, BOX_HEADER + BOX_LINE + 6)} rx="6"></rect>
        <text x=${g.box.x + 8} y=${g.box.y + 16}>${g.how}: ${clip(g.obj.type, 14)} ${shortId(g.obj.id)}</text>
        <text class="repr" x=${g.box.x + 8} y=${g.box.y + BOX_HEADER + 14}>${clip(g.obj.repr, 28)}</text>
      </g>`,
    )}
    ${layout.edges.map((e) => {
      const garbage = e.fromSerial !== null && analysis.garbage.has(e.fromSerial);
      const hl = marks.holderEdges.has(e.key);
      const onPath = marks.pathEdges.has(e.key);
      return svg`<path class="edge ${garbage ? "garbage" : ""} ${hl ? "hl" : ""} ${onPath ? "path" : ""}" d=${e.d} marker-end="url(#py-heap-arrow)" data-key=${e.key}></path>`;
    })}
    ${[...layout.boxes.values()].map((b) => {
      const obj = heap.get(b.serial);
      return obj ? renderBox(b, obj, analysis, marks, handlers) : nothing;
    })}
  </svg>`;
}
