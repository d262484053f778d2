/**
 * @pyheap/web: the `<py-heap-view>` element (defined on import), its events, and the pure model
 * functions it draws with (useful to render traces elsewhere).
 */
// first: starts loading the interpreter for the elements already in the page (see early-start.ts)
import "./early-start.js";
export { PyHeapView } from "./py-heap-view.js";
export { dedent, parseThreshold } from "./attributes.js";
export { PyHeapErrorEvent, RunCompleteEvent, StepChangeEvent } from "./events.js";
export type { ErrorDetail, RunCompleteDetail, StepChangeDetail } from "./events.js";
export { HeapTimeline, applyDelta, type HeapMap } from "./model/heap-at.js";
export { analyzeHeap, pathToObject, describeHolder, shortId, type HeapAnalysis, type Holder } from "./model/graph.js";
export { layoutDiagram, type DiagramLayout } from "./model/layout.js";
export { narrateStep, describeEvents, describeOutcome } from "./model/narrate.js";
export { allocatorView, allocatorStateAt, type AllocatorView, type AllocatorState } from "./model/allocator.js";
export { runInPage, runViaApi, RunnerError, type RunRequest } from "./runner.js";
