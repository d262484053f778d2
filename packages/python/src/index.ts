/** @pyheap/python — public entry point. */
export * from "./trace/schema.js";
export type * from "./api-types.js";
export { run, runDetailed, formatSyntaxError, type HeapReport } from "./run.js";
export * from "./trace/index.js";
export { splitInteractive, type InteractiveChunk } from "./compile/interactive.js";
