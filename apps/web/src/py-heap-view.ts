/**
 * `<py-heap-view>`: shows, step by step, what a Python program does to CPython 3.11's memory, from a
 * pyheap trace. It runs the program itself (in the page on the WASM heap, or on the HTTP API) or takes a
 * ready trace. Everything it draws comes from the trace schema; it knows nothing of the interpreter.
 *
 * Start reading at `willUpdate` (what is derived from a step) and `render`.
 */
import { html, LitElement, nothing, svg, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { PlaybackController } from "./controllers/playback-controller.js";
import { TraceController } from "./controllers/trace-controller.js";
import { PyHeapErrorEvent, RunCompleteEvent, StepChangeEvent } from "./events.js";
import { allocatorStateAt, allocatorView, freeListLabel, NEXT_SOURCE_SHORT, NEXT_SOURCE_TEXT, type AllocatorView } from "./model/allocator.js";
import { collectionPhases, type CollectionPhase } from "./model/gc-phases.js";
import { analyzeHeap, describeHolder, pathToObject, shortId, type HeapAnalysis, type PathHop } from "./model/graph.js";
import { HeapTimeline, type HeapMap } from "./model/heap-at.js";
import { layoutDiagram, type DiagramLayout } from "./model/layout.js";
import { describeEvents, describeOutcome, narrateStep, visibleStderr, type StepEventView } from "./model/narrate.js";
import { stepAtX, timelineGeometry } from "./model/timeline.js";
import { dedent, parseThreshold } from "./attributes.js";
import { styles } from "./py-heap-view.styles.js";
import { emptyTrace, preloadInPage, type RunnerError, type RunRequest } from "./runner.js";
import type { RunResult, Trace } from "./types.js";
import { refcountText, renderDiagram, type DiagramMarks } from "./views/diagram.js";

/** Toolbar icons, drawn rather than taken from fonts (which may lack the media symbols). */
const ICONS = {
  first: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h2v12H3zM14 2v12L6 8z"/></svg>`,
  prev: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M12 2v12L4 8z"/></svg>`,
  play: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2v12l10-6z"/></svg>`,
  pause: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg>`,
  next: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2v12l8-6z"/></svg>`,
  last: html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2h2v12h-2zM2 2v12l8-6z"/></svg>`,
};

interface StepView {
  index: number;
  heap: HeapMap;
  analysis: HeapAnalysis;
  layout: DiagramLayout;
  events: StepEventView[];
  narration: string;
  phases: CollectionPhase[];
  ghosts: DiagramMarks["ghosts"];
  /** For collection phases: the heap and layout before the collection (the previous step's). */
  before: { heap: HeapMap; analysis: HeapAnalysis; layout: DiagramLayout } | null;
  stdout: string;
  stderr: string;
  /** The allocator panel's view of this step (made when the panel is first drawn). */
  readonly allocator: AllocatorView;
}

/**
 * Shows a Python program's memory step by step: source with the current line, frames, objects as boxes
 * (type, value, id, refcount, generation, size), references as arrows, garbage awaiting collection, the
 * collector's generations and phases, and a timeline.
 *
 * @element py-heap-view
 *
 * @attr code / @prop code - the program (otherwise `src`, otherwise the element's text content)
 * @attr src - URL of a program to fetch
 * @attr step / @prop step - the step shown, 0-based (reflected)
 * @attr autoplay - play the steps once a trace is loaded
 * @attr mode - "script" (default) or "repl"
 * @attr gc-threshold / @prop gcThreshold - gc thresholds, e.g. "3" or "700,10,10"
 * @attr theme - "light", "dark" or "auto" (default: follow prefers-color-scheme)
 * @attr editable - offer an editor (loaded on first use) and a Run button
 * @attr api - base URL of a pyheap HTTP API; when set, programs run there instead of in the page
 * @attr stdin / @prop stdin - the program's standard input, read by input() and sys.stdin (default: empty)
 * @prop trace - a ready trace to show (no run)
 *
 * @fires step-change - {step, line, total} whenever the shown step changes
 * @fires run-complete - {source, trace, stdout, stderr, exitCode, outcome} when a trace is ready
 * @fires error - {kind, message} when no trace could be produced
 *
 * @csspart toolbar, source, diagram, box, frame, gc-panel, events, inspector, phases, timeline, output, status
 *
 * @cssprop --py-heap-bg, --py-heap-fg, --py-heap-muted, --py-heap-panel-bg, --py-heap-border,
 *   --py-heap-accent, --py-heap-accent-fg, --py-heap-box-bg, --py-heap-box-border, --py-heap-frame-bg,
 *   --py-heap-arrow, --py-heap-line-bg, --py-heap-prev-line-bg, --py-heap-garbage, --py-heap-garbage-bg,
 *   --py-heap-new, --py-heap-freed, --py-heap-promoted, --py-heap-highlight, --py-heap-gen0/1/2,
 *   --py-heap-font, --py-heap-mono-font, --py-heap-radius, --py-heap-diagram-max-height
 */
/** How long after its first diagram an element draws its panels when no frame is painted (a hidden page). */
const PANELS_AT_THE_LATEST_MS = 200;

/**
 * Resolves in the task after the next frame has been painted (a frame's callbacks run before its paint, the
 * task they queue after it), or after PANELS_AT_THE_LATEST_MS in a hidden page, which paints no frame.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, PANELS_AT_THE_LATEST_MS);
  });
}

/** Events of a step listed before the rest fold into "N more". */
const MAX_EVENTS_SHOWN = 10;

/** Performance marks: when the element's module ran, and each element's first drawn diagram. */
export const MARK_DEFINED = "py-heap-view:defined";
export const MARK_FIRST_DIAGRAM = "py-heap-view:first-diagram";
globalThis.performance?.mark?.(MARK_DEFINED);

@customElement("py-heap-view")
export class PyHeapView extends LitElement {
  static override styles = styles;

  @property() code?: string;
  @property() src?: string;
  @property({ type: Number, reflect: true }) step = 0;
  @property({ type: Boolean }) autoplay = false;
  @property() mode: "script" | "repl" = "script";
  @property({ attribute: "gc-threshold", converter: { fromAttribute: parseThreshold, toAttribute: (v: number[] | undefined) => v?.join(",") } })
  gcThreshold?: number[];
  @property({ reflect: true }) theme?: "light" | "dark" | "auto";
  @property({ type: Boolean }) editable = false;
  @property() api?: string;
  @property() stdin?: string;
  @property({ attribute: false }) trace?: Trace;

  @state() private srcText: string | null = null;
  @state() private selected: number | null = null;
  @state() private hovered: number | null = null;
  @state() private phaseIndex = -1;
  @state() private editing = false;
  @state() private message: string | null = null;

  @query(".diagram-wrap svg.diagram") private svgEl?: SVGSVGElement;
  @query(".editor") private editorHost?: HTMLElement;

  private readonly playback = new PlaybackController(this);
  private readonly traces = new TraceController(
    this,
    (result, req) => this.loaded(result, req),
    (error) => this.failed(error),
    (trace) => this.traceReady(trace),
  );
  private timeline: HeapTimeline | null = null;
  private view: StepView | null = null;
  private textProgram = "";
  private lastDispatched = -1;
  private editor: { getText(): string; destroy(): void } | null = null;
  private lastRequest = "";

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.textProgram && this.textContent?.trim()) this.textProgram = dedent(this.textContent);
  }

  /** The program the element runs: `code`, else the fetched `src`, else its text content. */
  get source(): string {
    return this.code ?? this.srcText ?? this.textProgram;
  }

  /** The trace shown, if any. */
  get currentTrace(): Trace | null {
    return this.traces.trace;
  }

  /** Moves one step forward; false at the last step. */
  advance(): boolean {
    const t = this.currentTrace;
    if (!t || this.step >= t.steps.length - 1) return false;
    this.step += 1;
    // Playback stops on arriving at the last step, not one tick later.
    if (this.step >= t.steps.length - 1) this.playback.pause();
    return true;
  }

  /** Goes to step `i` (clamped). */
  goTo(i: number): void {
    const t = this.currentTrace;
    if (!t) return;
    this.step = Math.max(0, Math.min(t.steps.length - 1, Math.round(i)));
  }

  /** Runs the current program again (also after `code` changed through the editor). */
  rerun(): void {
    this.lastRequest = "";
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An element that will run its program in the page starts loading the interpreter and the WASM heap
    // before its first render, rather than after it (once per page).
    if (!this.trace && !this.api && this.source.trim()) preloadInPage(this.source);
    if (changed.has("trace") && this.trace) {
      const t = this.trace;
      this.traces.set({ stdout: t.steps.map((s) => s.stdout).join(""), stderr: t.steps.map((s) => s.stderr).join(""), exitCode: t.outcome.status === "ok" ? 0 : 1, outcome: t.outcome, stats: undefined as never, trace: t });
      if (!this.drawn) this.panelsDeferred = true;
      this.timeline = new HeapTimeline(t);
      this.view = null;
      this.message = null;
    }
    const t = this.currentTrace;
    if (t) {
      const clamped = Math.max(0, Math.min(t.steps.length - 1, Math.round(this.step) || 0));
      if (clamped !== this.step) this.step = clamped;
    }
    if (t && this.timeline && t.steps.length > 0) {
      if (!this.view || this.view.index !== this.step || this.timeline !== this.viewTimeline) {
        this.view = this.computeView(t, this.step);
        this.viewTimeline = this.timeline;
        this.phaseIndex = -1;
        if (this.selected !== null && !this.view.heap.has(this.selected)) this.selected = null;
      }
    }
  }
  private viewTimeline: HeapTimeline | null = null;

  private computeView(t: Trace, index: number): StepView {
    const tl = this.timeline!;
    const step = t.steps[index]!;
    const heap = tl.at(index);
    const analysis = analyzeHeap(heap, step.frames);
    const layout = layoutDiagram(heap, step.frames, analysis);
    let before: StepView["before"] = null;
    const ghosts: DiagramMarks["ghosts"] = new Map();
    if (index > 0) {
      const prev = t.steps[index - 1]!;
      const prevHeap = tl.at(index - 1);
      const prevAnalysis = analyzeHeap(prevHeap, prev.frames);
      const prevLayout = layoutDiagram(prevHeap, prev.frames, prevAnalysis);
      before = { heap: prevHeap, analysis: prevAnalysis, layout: prevLayout };
      const how = new Map<number, "freed" | "collected">();
      for (const e of step.events) if (e.kind === "free") how.set(e.serial, e.by === "gc" ? "collected" : "freed");
      // Only objects the step freed leave a ghost: others leave the picture because nothing drawn names them.
      for (const serial of step.delta.removed) {
        const box = prevLayout.boxes.get(serial);
        const obj = prevHeap.get(serial);
        const freed = how.get(serial);
        if (box && obj && freed) ghosts.set(serial, { box, obj, how: freed });
      }
      // Ghosts stand where the object stood; drop those now covered by a live box.
      for (const [serial, g] of ghosts) {
        for (const b of layout.boxes.values()) {
          if (b.x < g.box.x + g.box.w && g.box.x < b.x + b.w && b.y < g.box.y + g.box.h && g.box.y < b.y + b.h) {
            ghosts.delete(serial);
            break;
          }
        }
      }
    }
    const out = t.steps.slice(0, index + 1);
    return {
      index,
      heap,
      analysis,
      layout,
      events: describeEvents(step, before?.heap ?? heap),
      narration: narrateStep(t, index, heap),
      phases: collectionPhases(step),
      ghosts,
      before,
      stdout: out.map((s) => s.stdout).join(""),
      stderr: out.map((s) => s.stderr).join(""),
      get allocator(): AllocatorView {
        const a = allocatorView(heap, allocatorStateAt(t, index));
        Object.defineProperty(this, "allocator", { value: a });
        return a;
      },
    };
  }

  private drawn = false;
  /**
   * Until the element's first diagram has been painted, the panels below it (events, GC generations,
   * allocator pools, timeline, output) are left out: the frame with the first diagram shows the source and
   * the diagram, and the panels are drawn in the task after that frame (or after PANELS_AT_THE_LATEST_MS
   * in a hidden page, which paints no frame). `updateComplete` waits for them too.
   */
  private panelsDeferred = false;
  private panelsShown?: Promise<void>;

  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (!this.panelsDeferred) return complete;
    await this.panelsShown;
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.view && !this.drawn) {
      this.drawn = true;
      performance.mark(MARK_FIRST_DIAGRAM);
      if (this.panelsDeferred) {
        this.panelsShown = afterPaint().then(() => {
          this.panelsDeferred = false;
          this.requestUpdate();
        });
      }
    }
    if (changed.has("src") && this.src && this.code === undefined) void this.fetchSource(this.src);
    if (!this.trace) {
      const req: RunRequest = { code: this.source, mode: this.mode, gcThreshold: this.gcThreshold, stdin: this.stdin };
      const key = JSON.stringify([req, this.api ?? ""]);
      if (req.code.trim() && key !== this.lastRequest && !(this.src && this.code === undefined && this.srcText === null)) {
        this.lastRequest = key;
        void this.traces.run(req, this.api || undefined);
      }
    }
    const t = this.currentTrace;
    if (t && this.view && this.lastDispatched !== this.step) {
      this.lastDispatched = this.step;
      this.dispatchEvent(new StepChangeEvent({ step: this.step, line: t.steps[this.step]?.line ?? 0, total: t.steps.length }));
    }
    if (this.editing && this.editorHost && !this.editor) void this.mountEditor();
  }

  private async fetchSource(url: string): Promise<void> {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      this.srcText = await res.text();
    } catch (e) {
      this.message = `Could not load the program: ${(e as Error).message}`;
      this.dispatchEvent(new PyHeapErrorEvent({ kind: "source", message: this.message }));
    }
  }

  /**
   * An in-page run's trace, shown before the run's result is complete: the interpreter's teardown waits
   * until the diagram drawn from it has been painted.
   */
  private traceReady(trace: Trace): Promise<void> {
    this.show(trace);
    return afterPaint();
  }

  /** Starts showing `trace` (from its first step, or the step asked for, within its length). */
  private show(trace: Trace): void {
    if (this.timeline?.trace === trace) return;
    if (!this.drawn) this.panelsDeferred = true;
    this.timeline = new HeapTimeline(trace);
    this.view = null;
    this.message = null;
    this.lastDispatched = -1;
    const wanted = this.step;
    this.step = Math.max(0, Math.min(trace.steps.length - 1, wanted));
    this.requestUpdate();
  }

  private loaded(result: RunResult, req: RunRequest): void {
    const trace = result.trace ?? emptyTrace(req, result.outcome);
    if (!result.trace) this.traces.result = { ...result, trace };
    this.show(trace);
    this.dispatchEvent(
      new RunCompleteEvent({ source: req.code, trace, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, outcome: result.outcome ?? trace.outcome }),
    );
    if (this.autoplay) this.playback.play();
  }

  private failed(error: RunnerError): void {
    this.message = error.message;
    this.dispatchEvent(new PyHeapErrorEvent({ kind: error.kind, message: error.message }));
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.closest?.(".cm-editor") || target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
    const t = this.currentTrace;
    if (!t) return;
    const moves: Record<string, () => void> = {
      ArrowRight: () => this.goTo(this.step + 1),
      ArrowLeft: () => this.goTo(this.step - 1),
      Home: () => this.goTo(0),
      End: () => this.goTo(t.steps.length - 1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.playback.pause();
      move();
    } else if (e.key === "Escape") {
      this.selected = null;
    } else if (e.key === " " && target?.classList?.contains("diagram-wrap")) {
      // Space on the diagram itself plays or pauses (on a box it selects the box instead).
      e.preventDefault();
      this.playback.toggle();
    }
  }

  // SVG and PNG export is its own chunk, fetched on the first export (it is not needed to show the element).
  private async exportSvg(): Promise<void> {
    const el = this.svgEl;
    if (!el) return;
    const { download, svgDocument } = await import("./export.js");
    download(new Blob([svgDocument(el, this)], { type: "image/svg+xml" }), `py-heap-step-${this.step + 1}.svg`);
  }

  private async exportPng(): Promise<void> {
    const el = this.svgEl;
    if (!el) return;
    const w = Number(el.getAttribute("width"));
    const h = Number(el.getAttribute("height"));
    try {
      const { download, pngFromSvg, svgDocument } = await import("./export.js");
      download(await pngFromSvg(svgDocument(el, this), w, h), `py-heap-step-${this.step + 1}.png`);
    } catch (e) {
      this.message = (e as Error).message;
    }
  }

  private async mountEditor(): Promise<void> {
    const host = this.editorHost!;
    const { createEditor } = await import("./editor/code-editor.js");
    if (!this.editing || this.editor) return;
    this.editor = createEditor(host, this.source, () => this.runEdited());
  }

  private runEdited(): void {
    if (!this.editor) return;
    this.trace = undefined;
    this.code = this.editor.getText();
    this.step = 0;
    this.rerun();
  }

  private closeEditor(): void {
    this.editor?.destroy();
    this.editor = null;
    this.editing = false;
  }

  // ---- rendering ----

  override render() {
    const t = this.currentTrace;
    const v = this.view;
    const total = t?.steps.length ?? 0;
    const running = this.traces.status === "running";
    return html`<div class="root" @keydown=${this.onKey}>
      <div class="toolbar" part="toolbar" role="toolbar" aria-label="Step controls">
        <button @click=${() => this.goTo(0)} ?disabled=${!t || this.step === 0} aria-label="First step" title="First step (Home)">${ICONS.first}</button>
        <button @click=${() => this.goTo(this.step - 1)} ?disabled=${!t || this.step === 0} aria-label="Previous step" title="Previous step (←)">${ICONS.prev}</button>
        <button class="play" @click=${() => this.playback.toggle()} ?disabled=${!t || total < 2} aria-pressed=${this.playback.playing ? "true" : "false"}
          aria-label=${this.playback.playing ? "Pause" : "Play"}>${this.playback.playing ? html`${ICONS.pause} Pause` : html`${ICONS.play} Play`}</button>
        <button @click=${() => this.goTo(this.step + 1)} ?disabled=${!t || this.step >= total - 1} aria-label="Next step" title="Next step (→)">${ICONS.next}</button>
        <button @click=${() => this.goTo(total - 1)} ?disabled=${!t || this.step >= total - 1} aria-label="Last step" title="Last step (End)">${ICONS.last}</button>
        <input type="range" min="0" max=${Math.max(0, total - 1)} .value=${String(this.step)} ?disabled=${!t || total < 2}
          aria-label="Step" aria-valuetext=${t ? `step ${this.step + 1} of ${total}, line ${t.steps[this.step]?.line}` : "no trace"}
          @input=${(e: Event) => this.goTo(Number((e.target as HTMLInputElement).value))} />
        <span class="step-label" aria-hidden="true">${t && total > 0 ? `${this.step + 1} / ${total}` : running ? "running…" : "–"}</span>
        <span class="spacer"></span>
        ${this.editable && !this.editing ? html`<button @click=${() => (this.editing = true)}>Edit</button>` : nothing}
        <button @click=${this.exportSvg} ?disabled=${!v} title="Download the diagram as SVG">SVG</button>
        <button @click=${this.exportPng} ?disabled=${!v} title="Download the diagram as PNG">PNG</button>
      </div>
      ${this.renderStatus()}
      <div class="main">
        <div>
          ${this.editing
            ? html`<div class="source" part="source"><div class="editor"></div>
                <div class="editor-actions"><button @click=${this.runEdited}>Run</button><button @click=${this.closeEditor}>Close editor</button>
                <span class="muted">Ctrl+Enter runs</span></div></div>`
            : this.renderSource(t)}
        </div>
        <div class="diagram-wrap" part="diagram" tabindex="0" aria-label="Memory diagram: arrow keys step, Space plays or pauses, Tab moves through objects">
          ${v ? this.renderDiagramFor(v) : html`<div class="loading">${running ? "Running the program…" : this.message || t ? "No steps to show." : "Loading…"}</div>`}
        </div>
      </div>
      ${v && t && !this.panelsDeferred ? this.renderPanels(t, v) : nothing}
      ${!v && t && this.traces.result ? html`<section class="panel" part="output" aria-label="Program output"><h3>Output</h3>
            <pre class="output">${this.traces.result.stdout}<span class="stderr">${visibleStderr(this.traces.result.stderr, t.mode)}</span></pre></section>` : nothing}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${v ? (this.phaseIndex >= 0 && v.phases[this.phaseIndex] ? `Collection phase ${this.phaseIndex + 1} of ${v.phases.length}. ${v.phases[this.phaseIndex]!.note}` : v.narration) : running ? "Running the program" : ""}</div>
    </div>`;
  }

  private renderStatus() {
    const t = this.currentTrace;
    const outcome = t ? describeOutcome(t.outcome) : null;
    if (this.message) return html`<div class="status" part="status" role="alert"><strong>Error:</strong> ${this.message}</div>`;
    if (outcome) return html`<div class="status" part="status"><strong>${t!.outcome.status === "limit" ? "Limit" : "Note"}:</strong> ${outcome}</div>`;
    return nothing;
  }

  private renderSource(t: Trace | null) {
    const lines = (t?.source ?? this.source).replace(/\n$/, "").split("\n");
    const current = t?.steps[this.step]?.line ?? -1;
    const previous = t && this.step > 0 ? t.steps[this.step - 1]!.line : -1;
    const errorLine = t?.outcome.status === "syntax-error" ? t.outcome.line : -1;
    return html`<pre class="source" part="source" aria-label="Program source"><ol>${lines.map(
      (l, i) =>
        html`<li class=${i + 1 === errorLine ? "error" : i + 1 === current ? "current" : i + 1 === previous ? "previous" : ""} aria-current=${i + 1 === current ? "step" : "false"}>
          <span class="mark" aria-hidden="true">${i + 1 === errorLine ? "✗" : i + 1 === current ? "➜" : i + 1 === previous ? "·" : ""}</span><span class="no">${i + 1}</span><span>${l}</span></li>`,
    )}</ol></pre>`;
  }

  private focusSerial(): number | null {
    return this.hovered ?? this.selected;
  }

  private renderDiagramFor(v: StepView) {
    const phase = this.phaseIndex >= 0 ? v.phases[this.phaseIndex] : undefined;
    const base = phase && v.before ? v.before : v;
    const focus = this.focusSerial();
    const holderEdges = new Set<string>();
    const holderSerials = new Set<number>();
    if (focus !== null) {
      for (const e of base.layout.edges) {
        if (e.toSerial === focus) {
          holderEdges.add(e.key);
          if (e.fromSerial !== null) holderSerials.add(e.fromSerial);
        }
      }
    }
    const pathEdges = new Set<string>();
    if (this.selected !== null) {
      const frames = this.currentTrace!.steps[phase && v.before ? v.index - 1 : v.index]!.frames;
      for (const hop of pathToObject(base.heap, frames, this.selected) ?? []) {
        const h = hop.holder;
        if (h.kind === "local") pathEdges.add(`f${h.frame}:${h.name}`);
        else if (h.kind === "stack") pathEdges.add(`f${h.frame}:stack[${h.slot}]`);
        else {
          const e = base.layout.edges.find((x) => x.fromSerial === h.serial && x.toSerial === hop.serial);
          if (e) pathEdges.add(e.key);
        }
      }
    }
    const allocated = new Set<number>();
    const promoted = new Set<number>();
    if (!phase) {
      for (const e of v.events) {
        if (e.kind === "allocated") e.serials.forEach((s) => allocated.add(s));
        if (e.kind === "promoted") e.serials.forEach((s) => promoted.add(s));
      }
    }
    const marks: DiagramMarks = {
      selected: this.selected,
      holderSerials,
      holderEdges,
      pathEdges,
      allocated,
      promoted,
      ghosts: phase ? new Map() : v.ghosts,
      gcRefs: phase?.gcRefs ?? null,
      reachable: phase?.reachable ?? null,
      unreachable: phase?.unreachable ?? null,
    };
    return renderDiagram(base.layout, base.heap, base.analysis, marks, {
      select: (s) => (this.selected = s),
      hover: (s) => (this.hovered = s),
    });
  }

  private renderPanels(t: Trace, v: StepView) {
    const step = t.steps[v.index]!;
    return html`<div class="panels">
      ${this.renderInspector(v)}
      <section class="panel" part="events" aria-label="What happened in this step">
        <h3>This step</h3>
        ${v.events.length === 0
          ? html`<p class="muted">No allocation, free or collection since the previous step.</p>`
          : html`<ul class="events">${v.events.slice(0, MAX_EVENTS_SHOWN).map((e) => html`<li class=${e.kind}>${e.text}</li>`)}</ul>
              ${v.events.length > MAX_EVENTS_SHOWN
                ? html`<details><summary>${v.events.length - MAX_EVENTS_SHOWN} more</summary>
                    <ul class="events">${v.events.slice(MAX_EVENTS_SHOWN).map((e) => html`<li class=${e.kind}>${e.text}</li>`)}</ul></details>`
                : nothing}`}
      </section>
      ${v.phases.length > 0 ? this.renderPhases(v) : nothing}
      <section class="panel" part="gc-panel" aria-label="Garbage collector generations">
        <h3>GC generations ${step.gc.enabled ? "" : "(disabled)"}</h3>
        ${[0, 1, 2].map((g) => {
          const count = step.gc.counts[g]!;
          const threshold = step.gc.thresholds[g]!;
          const ratio = threshold > 0 ? Math.min(1, count / threshold) : 0;
          return html`<div class="gen" data-gen=${g}>
            <span>gen ${g}</span>
            <div class="bar ${count >= threshold && threshold > 0 ? "full" : ""}" role="meter" aria-valuemin="0" aria-valuemax=${threshold} aria-valuenow=${count}
              aria-label=${`generation ${g}: count ${count} of threshold ${threshold}`}><span style="width:${ratio * 100}%"></span></div>
            <span class="num">${count} / ${threshold}</span>
          </div>`;
        })}
        <p class="muted" style="margin:4px 0 0;font-size:12px">Tracked objects: ${step.gc.sizes.join(" · ")} (gen 0 · 1 · 2). Gen 0 counts allocations minus deallocations of tracked objects; gens 1 and 2 count collections of the younger generation.</p>
      </section>
      ${this.renderAllocator(v)}
      ${this.renderTimeline(t)}
      <section class="panel" part="output" aria-label="Program output">
        <h3>Output</h3>
        <pre class="output">${v.stdout}<span class="stderr">${visibleStderr(v.stderr, t.mode)}</span></pre>
      </section>
    </div>`;
  }

  private renderInspector(v: StepView) {
    const focus = this.focusSerial();
    const phase = this.phaseIndex >= 0 ? v.phases[this.phaseIndex] : undefined;
    const base = phase && v.before ? v.before : v;
    const obj = focus !== null ? base.heap.get(focus) : undefined;
    if (!obj) {
      return html`<section class="panel" part="inspector" aria-label="Object inspector"><h3>Object</h3>
        <p class="muted">Hover, focus or click a box to see who holds it and why it is alive.</p></section>`;
    }
    const holders = base.analysis.holders.get(obj.serial) ?? [];
    const hidden = base.analysis.hidden.get(obj.serial) ?? 0;
    const frames = this.currentTrace!.steps[phase && v.before ? v.index - 1 : v.index]!.frames;
    const path: PathHop[] | null = pathToObject(base.heap, frames, obj.serial);
    const garbage = base.analysis.garbage.has(obj.serial);
    return html`<section class="panel" part="inspector" aria-label="Object inspector">
      <h3>${obj.type} ${shortId(obj.id)}</h3>
      <div class="path">id ${obj.id} · ${obj.size} bytes in a ${obj.blockSize}-byte block</div>
      ${
        refcountText(obj) === "∞"
          ? html`<div>refcount <strong>∞</strong>: lives as long as the interpreter; ${holders.length} reference${holders.length === 1 ? "" : "s"} shown</div>`
          : html`<div>refcount <strong data-testid="refcount">${obj.refcount}</strong>: ${holders.length} shown${hidden > 0 ? html`, ${hidden} from outside the drawing (constants, the value stack, the interpreter)` : nothing}</div>`
      }
      <ul class="holders">${holders.map((h) => html`<li>${describeHolder(h, base.heap)}</li>`)}</ul>
      <div><strong>Why is this alive?</strong> ${path && this.selected === obj.serial ? html`<span class="muted">(the path is drawn in bold)</span>` : path ? html`<span class="muted">(click the box to draw the path)</span>` : nothing}</div>
      <div class="path">${
        path
          ? path.map((hop, i) => html`${i > 0 ? " → " : ""}${hop.holder.kind === "object" ? hop.holder.label : describeHolder(hop.holder, base.heap)}`)
          : garbage
            ? "It is not: nothing alive reaches it. It waits for the cyclic collector."
            : obj.immortalish
              ? "It lives as long as the interpreter."
              : "Held only from outside the drawing (constants, the value stack or the interpreter)."
      }</div>
    </section>`;
  }

  private renderPhases(v: StepView) {
    const phase = this.phaseIndex >= 0 ? v.phases[this.phaseIndex] : undefined;
    const collections = new Set(v.phases.map((p) => p.collection)).size;
    const gens = [...new Set(v.phases.map((p) => p.generation))].join(", ");
    return html`<section class="panel" part="phases" aria-label="Phases of the collection">
      <h3>${collections > 1 ? `${collections} collections (generation ${gens})` : `Collection of generation ${gens}`}: phases</h3>
      <div class="phases" role="group" aria-label="Show the diagram after a phase">
        ${v.phases.map(
          (p, i) => html`<button aria-pressed=${this.phaseIndex === i ? "true" : "false"} @click=${() => (this.phaseIndex = i)}
            title=${p.note}>${collections > 1 ? `${p.collection}.` : ""}${i + 1}. ${p.phase}${p.recheck ? " (again)" : ""}</button>`,
        )}
        <button aria-pressed=${this.phaseIndex < 0 ? "true" : "false"} @click=${() => (this.phaseIndex = -1)}>result</button>
      </div>
      <p class="phase-note">${phase ? phase.note : "The result: what the collection freed is gone; survivors moved up a generation."}</p>
    </section>`;
  }

  private renderAllocator(v: StepView) {
    const a = v.allocator;
    const focus = this.focusSerial();
    const SHOWN_POOLS = 4;
    return html`<section class="panel" part="allocator" aria-label="Allocator pools by size class">
      <h3>pymalloc pools by size class</h3>
      ${a.classes.slice(0, 8).map((c) => {
        // the first pools, and the one holding the next block if it is further on
        const shown = c.pools.map((p, i) => ({ p, i })).filter(({ i }) => i < SHOWN_POOLS || i === c.next?.poolIndex);
        return html`<div class="sc" data-block-size=${c.blockSize}>
          <span>${c.blockSize} B</span>
          <div>${shown.map(({ p, i }) => {
            const next = c.next?.poolIndex === i ? c.next : undefined;
            return html`<svg class="pool" viewBox="0 0 ${p.capacity} 1" preserveAspectRatio="none" role="img"
              aria-label=${`pool at ${p.address}: ${p.blocks.length} of its ${p.capacity} blocks hold drawn objects${next ? `; the next ${c.blockSize}-byte allocation gets block ${next.index}` : ""}`}>
              <title>pool ${shortId(p.address)}: ${p.blocks.length} / ${p.capacity} blocks hold drawn objects${next ? `; next block: ${next.index}` : ""}</title>
              ${p.blocks.map((b) => svg`<rect class=${b.serial === focus ? "hl" : ""} x=${b.index} y="0" width="1" height="1"></rect>`)}
              ${next ? svg`<rect class="next" data-next-block=${next.address} x=${next.index} y="0" width=${Math.max(1, p.capacity / 60)} height="1"></rect>` : nothing}
            </svg>`;
          })}${c.pools.length > shown.length ? html`<span class="muted">+${c.pools.length - shown.length} pools</span>` : nothing}
          ${c.next ? html`<div class="next-note" data-source=${c.next.source} title=${`the next ${c.blockSize}-byte block: ${NEXT_SOURCE_TEXT[c.next.source]}`}>next: block ${c.next.index}, ${NEXT_SOURCE_SHORT[c.next.source]}</div>` : nothing}</div>
          <span class="num">${c.objects}</span>
        </div>`;
      })}
      ${a.large.length ? html`<div class="muted">${a.large.length} object${a.large.length === 1 ? "" : "s"} over 512 bytes, from the system allocator</div>` : nothing}
      ${a.freeLists.length
        ? html`<ul class="free-lists">${a.freeLists.map(
            (f) => html`<li data-free-list=${f.type === "tuple" ? `tuple${f.length}` : f.type}>next ${f.type === "tuple" ? `${f.length}-tuple` : f.type}: ${shortId(f.next)} from ${freeListLabel(f)} (${f.count} parked), not pymalloc</li>`,
          )}</ul>`
        : nothing}
      ${a.hasNext ? this.renderNextBlocks(v) : nothing}
      <p class="muted note">A strip is one 16 KiB pool; a mark is a block holding a drawn object (hover a box to find its block)${a.hasNext ? "; the green mark is the block the next allocation of that size gets" : ""}.</p>
    </section>`;
  }

  private renderNextBlocks(v: StepView) {
    const state = allocatorStateAt(this.currentTrace!, v.index);
    if (!state) return nothing;
    return html`<details class="next-blocks"><summary>Next block of every size class</summary>
      <table><thead><tr><th>size</th><th>block</th><th>from</th></tr></thead><tbody>${[...state.next.values()]
        .sort((x, y) => x.size - y.size)
        .map((b) => html`<tr><td>${b.size} B</td><td>${shortId(b.address)}</td><td>${NEXT_SOURCE_TEXT[b.source]}</td></tr>`)}</tbody></table>
    </details>`;
  }

  private renderTimeline(t: Trace) {
    const W = 300;
    const H = 60;
    const g = timelineGeometry(t, W, H);
    const onClick = (e: MouseEvent): void => {
      const rect = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
      this.goTo(stepAtX(((e.clientX - rect.left) / rect.width) * W, W, t.steps.length));
    };
    const cx = g.x(this.step);
    return html`<section class="panel timeline" part="timeline" aria-label="Live objects and heap bytes over the steps">
      <h3>Timeline</h3>
      <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" @click=${onClick} role="img"
        aria-label=${`Live objects peak ${g.maxLive}, heap bytes peak ${g.maxBytes}`}>
        ${svg`${g.collections.map((x) => svg`<line class="gc-tick" x1=${x} x2=${x} y1="0" y2=${H}></line>`)}
        <polyline class="live" points=${g.live}></polyline><polyline class="bytes" points=${g.bytes}></polyline>
        <line class="cursor" x1=${cx} x2=${cx} y1="0" y2=${H}></line>`}
      </svg>
      <div class="legend"><span class="k1">live objects (${t.steps[this.step]!.liveObjects})</span><span class="k2">heap bytes (${t.steps[this.step]!.heapBytes})</span>${g.collections.length ? html`<span class="k3">collections (${g.collections.length})</span>` : nothing}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "py-heap-view": PyHeapView;
  }
}
