/** Types the element's modules share, re-exported from their owners in one place. */
export type { ReactiveController, ReactiveControllerHost } from "lit";
export type { HeapObject, RunOutcome, RunResult, Trace, TraceStep } from "@pyheap/python";
