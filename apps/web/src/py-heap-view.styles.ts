/**
 * Styles of `<py-heap-view>`. Every colour comes from a `--py-heap-*` custom property with a light and a
 * dark default; `diagramCss` is also embedded in exported SVG files so they look like the page.
 */
import { css, unsafeCSS } from "lit";

/** The custom properties the element reads, with their light defaults (dark ones below). */
export const LIGHT = `
  --c-bg: var(--py-heap-bg, #ffffff);
  --c-fg: var(--py-heap-fg, #1b1f24);
  --c-muted: var(--py-heap-muted, #57606a);
  --c-panel: var(--py-heap-panel-bg, #f6f8fa);
  --c-border: var(--py-heap-border, #d0d7de);
  --c-accent: var(--py-heap-accent, #0b5cad);
  --c-accent-fg: var(--py-heap-accent-fg, #ffffff);
  --c-box: var(--py-heap-box-bg, #ffffff);
  --c-box-border: var(--py-heap-box-border, #57606a);
  --c-frame: var(--py-heap-frame-bg, #eef4fb);
  --c-arrow: var(--py-heap-arrow, #3d4650);
  --c-line: var(--py-heap-line-bg, #fff2b3);
  --c-prev-line: var(--py-heap-prev-line-bg, #eef1f4);
  --c-garbage: var(--py-heap-garbage, #8c959f);
  --c-garbage-bg: var(--py-heap-garbage-bg, #eaeef2);
  --c-new: var(--py-heap-new, #1a7f37);
  --c-freed: var(--py-heap-freed, #cf222e);
  --c-promoted: var(--py-heap-promoted, #8250df);
  --c-highlight: var(--py-heap-highlight, #bc4c00);
  --c-gen0: var(--py-heap-gen0, #0b5cad);
  --c-gen1: var(--py-heap-gen1, #8250df);
  --c-gen2: var(--py-heap-gen2, #9a6700);
`;
export const DARK = `
  --c-bg: var(--py-heap-bg, #0d1117);
  --c-fg: var(--py-heap-fg, #e6edf3);
  --c-muted: var(--py-heap-muted, #9ea7b3);
  --c-panel: var(--py-heap-panel-bg, #161b22);
  --c-border: var(--py-heap-border, #3d444d);
  --c-accent: var(--py-heap-accent, #58a6ff);
  --c-accent-fg: var(--py-heap-accent-fg, #0d1117);
  --c-box: var(--py-heap-box-bg, #1c2128);
  --c-box-border: var(--py-heap-box-border, #8b949e);
  --c-frame: var(--py-heap-frame-bg, #132337);
  --c-arrow: var(--py-heap-arrow, #c9d1d9);
  --c-line: var(--py-heap-line-bg, #4d3f00);
  --c-prev-line: var(--py-heap-prev-line-bg, #21262d);
  --c-garbage: var(--py-heap-garbage, #8b949e);
  --c-garbage-bg: var(--py-heap-garbage-bg, #21262d);
  --c-new: var(--py-heap-new, #3fb950);
  --c-freed: var(--py-heap-freed, #ff7b72);
  --c-promoted: var(--py-heap-promoted, #d2a8ff);
  --c-highlight: var(--py-heap-highlight, #e3b341);
  --c-gen0: var(--py-heap-gen0, #58a6ff);
  --c-gen1: var(--py-heap-gen1, #d2a8ff);
  --c-gen2: var(--py-heap-gen2, #e3b341);
`;

/** Rules for the diagram's SVG, shared by the element and exported files. */
export const diagramCss = `
  svg.diagram { font-family: var(--py-heap-font, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; }
  .mono, .repr, .row-label, .id { font-family: var(--py-heap-mono-font, ui-monospace, "DejaVu Sans Mono", Menlo, monospace); }
  .frame rect.body { fill: var(--c-frame); stroke: var(--c-accent); stroke-width: 1.5; }
  .frame .title { font-weight: 700; fill: var(--c-fg); }
  .frame .row-label { fill: var(--c-fg); }
  .box rect.body { fill: var(--c-box); stroke: var(--c-box-border); stroke-width: 1.2; }
  .box .type { font-weight: 700; fill: var(--c-fg); }
  .box .id { fill: var(--c-muted); }
  .box .repr { fill: var(--c-fg); }
  .box .row-label { fill: var(--c-muted); }
  .box line.sep { stroke: var(--c-border); }
  .badge rect { rx: 8px; }
  .badge text { font-size: 10.5px; font-weight: 600; }
  .badge.rc rect { fill: var(--c-accent); } .badge.rc text { fill: var(--c-accent-fg); }
  .badge.gen0 rect { fill: var(--c-gen0); } .badge.gen1 rect { fill: var(--c-gen1); } .badge.gen2 rect { fill: var(--c-gen2); }
  .badge.gen0 text, .badge.gen1 text, .badge.gen2 text { fill: var(--c-bg); }
  .badge.untracked rect, .badge.immortal rect, .badge.size rect { fill: none; stroke: var(--c-border); }
  .badge.untracked text, .badge.immortal text, .badge.size text { fill: var(--c-muted); }
  .dot { fill: var(--c-arrow); }
  path.edge { fill: none; stroke: var(--c-arrow); stroke-width: 1.4; }
  path.edge.garbage { stroke: var(--c-garbage); stroke-dasharray: 4 3; }
  path.edge.path { stroke: var(--c-accent); stroke-width: 3.5; }
  path.edge.hl { stroke: var(--c-highlight); stroke-width: 3; }
  .arrowhead { fill: var(--c-arrow); }
  .box.garbage rect.body { fill: var(--c-garbage-bg); stroke: var(--c-garbage); stroke-dasharray: 5 3; }
  .box.garbage text { fill: var(--c-muted); }
  .box.garbage .badge rect { fill: none; stroke: var(--c-garbage); }
  .box.garbage .badge text { fill: var(--c-muted); }
  .box.selected rect.body, .box:focus-visible rect.body { stroke: var(--c-highlight); stroke-width: 3; }
  .box.holder rect.body { stroke: var(--c-highlight); stroke-width: 2.2; }
  .box.new rect.body { stroke: var(--c-new); stroke-width: 2.5; }
  .box.promoted rect.body { stroke: var(--c-promoted); stroke-width: 2.5; }
  .box.unreachable rect.body { stroke: var(--c-freed); stroke-width: 2.5; }
  .box.reachable rect.body { stroke: var(--c-new); stroke-width: 2.5; }
  .gc-refs rect { fill: var(--c-highlight); } .box .gc-refs text, .box.garbage .gc-refs text { fill: var(--c-bg); font-weight: 700; font-size: 11px; }
  .ghost rect.body { fill: none; stroke: var(--c-freed); stroke-dasharray: 3 3; }
  .ghost text { fill: var(--c-freed); }
  .band rect { fill: none; stroke: var(--c-garbage); stroke-dasharray: 6 4; }
  .band text { fill: var(--c-garbage); font-style: italic; }
`;

export const styles = css`
  :host {
    ${unsafeCSS(LIGHT)}
    display: block;
    color: var(--c-fg);
    background: var(--c-bg);
    font-family: var(--py-heap-font, system-ui, -apple-system, "Segoe UI", sans-serif);
    font-size: 14px;
    border: 1px solid var(--c-border);
    border-radius: var(--py-heap-radius, 8px);
    container-type: inline-size;
  }
  :host([theme="dark"]) {
    ${unsafeCSS(DARK)}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])),
    :host([theme="auto"]) {
      ${unsafeCSS(DARK)}
    }
  }
  [hidden] { display: none !important; }
  ${unsafeCSS(diagramCss)}
  .root { display: flex; flex-direction: column; gap: 8px; padding: 10px; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  button {
    font: inherit; font-size: 13px; color: var(--c-fg); background: var(--c-panel);
    border: 1px solid var(--c-border); border-radius: 6px; padding: 4px 10px; cursor: pointer; min-height: 30px;
  }
  button:hover { border-color: var(--c-accent); }
  button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--c-highlight); outline-offset: 1px; }
  button svg { width: 14px; height: 14px; vertical-align: -2px; fill: currentColor; }
  button[aria-pressed="true"] { background: var(--c-accent); color: var(--c-accent-fg); border-color: var(--c-accent); }
  button:disabled { opacity: 0.5; cursor: default; }
  input[type="range"] { flex: 1 1 160px; min-width: 120px; accent-color: var(--c-accent); }
  .step-label { font-variant-numeric: tabular-nums; color: var(--c-muted); min-width: 9ch; }
  .spacer { flex: 1; }
  .main { display: grid; grid-template-columns: minmax(220px, 1fr) minmax(0, 3fr); gap: 10px; align-items: start; }
  @container (max-width: 760px) { .main { grid-template-columns: 1fr; } }
  .source, .panel, .diagram-wrap {
    background: var(--c-panel); border: 1px solid var(--c-border); border-radius: 6px;
  }
  .source { margin: 0; padding: 6px 0; overflow: auto; font-family: var(--py-heap-mono-font, ui-monospace, "DejaVu Sans Mono", Menlo, monospace); font-size: 13px; }
  .source ol { margin: 0; padding: 0; list-style: none; counter-reset: line; }
  .source li { display: flex; white-space: pre; padding: 0 8px; min-height: 1.5em; line-height: 1.5em; }
  .source li .no { color: var(--c-muted); min-width: 3ch; text-align: right; margin-right: 10px; user-select: none; }
  .source li.current { background: var(--c-line); font-weight: 600; }
  .source li.previous { background: var(--c-prev-line); }
  .source li.error { box-shadow: inset 4px 0 0 var(--c-freed); background: var(--c-prev-line); }
  .source li.error .mark { color: var(--c-freed); }
  .source li .mark { width: 2ch; flex: none; color: var(--c-accent); }
  .source li .no { flex: none; }
  .editor { min-height: 160px; }
  .editor .tok-keyword, .editor .tok-operatorKeyword, .editor .tok-controlKeyword { color: var(--c-promoted); }
  .editor .tok-string, .editor .tok-string2 { color: var(--c-new); }
  .editor .tok-number, .editor .tok-bool, .editor .tok-atom { color: var(--c-gen2); }
  .editor .tok-comment { color: var(--c-muted); font-style: italic; }
  .editor .tok-definition, .editor .tok-function, .editor .tok-className { color: var(--c-accent); }
  .editor-actions { display: flex; gap: 6px; padding: 6px; }
  .diagram-wrap { background: var(--c-bg); overflow: auto; max-height: var(--py-heap-diagram-max-height, 560px); }
  .diagram-wrap:focus-visible { outline: 3px solid var(--c-highlight); }
  .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 10px; }
  .panel { padding: 8px 10px; min-width: 0; }
  .panel h3 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--c-muted); }
  .gen { display: grid; grid-template-columns: 7ch 1fr 9ch; gap: 6px; align-items: center; margin: 4px 0; font-size: 13px; }
  .bar { height: 10px; background: var(--c-bg); border: 1px solid var(--c-border); border-radius: 5px; overflow: hidden; }
  .bar > span { display: block; height: 100%; background: var(--c-accent); transition: width 0.25s; }
  .bar.full > span { background: var(--c-freed); }
  .gen .num { font-variant-numeric: tabular-nums; text-align: right; }
  .sc { display: grid; grid-template-columns: 7ch 1fr 4ch; gap: 6px; align-items: center; margin: 3px 0; font-size: 13px; }
  .sc .num { text-align: right; font-variant-numeric: tabular-nums; }
  svg.pool { display: block; width: 100%; height: 9px; margin: 2px 0; background: var(--c-bg); border: 1px solid var(--c-border); }
  svg.pool rect { fill: var(--c-accent); }
  svg.pool rect.hl { fill: var(--c-highlight); }
  svg.pool rect.next { fill: var(--c-new); }
  .next-note { font-size: 11px; color: var(--c-muted); }
  ul.free-lists { margin: 4px 0; padding-left: 18px; font-size: 12px; }
  details.next-blocks { font-size: 12px; margin-top: 4px; }
  details.next-blocks table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  details.next-blocks td, details.next-blocks th { padding: 0 8px 0 0; text-align: left; }
  .note { margin: 4px 0 0; font-size: 12px; }
  ul.events { margin: 0; padding: 0; list-style: none; font-size: 13px; }
  ul.events li { padding: 2px 6px; border-left: 4px solid var(--c-border); margin: 2px 0; animation: flash 0.9s ease-out; }
  ul.events li.allocated { border-color: var(--c-new); }
  ul.events li.freed, ul.events li.collected { border-color: var(--c-freed); }
  ul.events li.promoted { border-color: var(--c-promoted); }
  ul.events li.gc { border-color: var(--c-accent); }
  .muted { color: var(--c-muted); }
  .holders { margin: 4px 0; padding-left: 18px; font-size: 13px; }
  .path { font-family: var(--py-heap-mono-font, ui-monospace, monospace); font-size: 12px; word-break: break-word; }
  .phases { display: flex; flex-wrap: wrap; gap: 4px; }
  .phase-note { font-size: 13px; margin-top: 6px; }
  pre.output .stderr { color: var(--c-freed); }
  pre.output { margin: 0; max-height: 140px; overflow: auto; font-size: 12px; white-space: pre-wrap; }
  .status { padding: 6px 10px; border-radius: 6px; border: 1px solid var(--c-freed); color: var(--c-fg); }
  .status strong { color: var(--c-freed); }
  .timeline svg { width: 100%; height: 70px; display: block; cursor: pointer; }
  .timeline .live { fill: none; stroke: var(--c-accent); stroke-width: 1.5; }
  .timeline .bytes { fill: none; stroke: var(--c-promoted); stroke-width: 1.5; stroke-dasharray: 4 2; }
  .timeline .gc-tick { stroke: var(--c-gen1); stroke-width: 1; stroke-dasharray: 2 2; }
  .legend .k3::before { content: ""; display: inline-block; width: 2px; height: 10px; border-left: 2px dotted var(--c-gen1); vertical-align: middle; margin-right: 4px; }
  .timeline .cursor { stroke: var(--c-highlight); stroke-width: 2; }
  .timeline .legend { font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .legend .k1::before { content: ""; display: inline-block; width: 14px; height: 2px; background: var(--c-accent); vertical-align: middle; margin-right: 4px; }
  .legend .k2::before { content: ""; display: inline-block; width: 14px; border-top: 2px dashed var(--c-promoted); vertical-align: middle; margin-right: 4px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .loading { padding: 20px; color: var(--c-muted); }
  .box.new rect.body { animation: pulse 0.8s ease-out; }
  .ghost { animation: fade 1.2s ease-out forwards; }
  @keyframes pulse { from { stroke-width: 7; } to { stroke-width: 2.5; } }
  @keyframes fade { from { opacity: 1; } to { opacity: 0.25; } }
  @keyframes flash { from { background: var(--c-line); } to { background: transparent; } }
  @media (prefers-reduced-motion: reduce) {
    *, .box.new rect.body, .ghost, ul.events li { animation: none !important; transition: none !important; }
  }
`;

/** The resolved values of the colour variables, for exported SVG files (which have no host element). */
export const COLOUR_VARS = [
  "--c-bg", "--c-fg", "--c-muted", "--c-panel", "--c-border", "--c-accent", "--c-accent-fg", "--c-box",
  "--c-box-border", "--c-frame", "--c-arrow", "--c-line", "--c-prev-line", "--c-garbage", "--c-garbage-bg",
  "--c-new", "--c-freed", "--c-promoted", "--c-highlight", "--c-gen0", "--c-gen1", "--c-gen2",
] as const;
