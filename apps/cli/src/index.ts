/** @pyheap/cli as a library: the command line's entry point and its text renderers. */
export { main } from "./cli.js";
export { UsageError } from "./errors.js";
export { explainText } from "./render/explain-text.js";
export { traceText } from "./render/trace-text.js";
export { memorySummary } from "./render/memory.js";
