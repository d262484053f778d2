/** @pyheap/python — public entry point. */
export * from "./trace/schema.js";
export type * from "./api-types.js";
export { run, runDetailed, runStaged, formatSyntaxError, type HeapReport } from "./run.js";
export { adoptHeap } from "./heap-pool.js";
export * from "./trace/index.js";
export { splitInteractive, type InteractiveChunk } from "./compile/interactive.js";
