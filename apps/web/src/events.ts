/**
 * The events `<py-heap-view>` dispatches. All bubble and are composed, so they cross shadow roots and
 * reach listeners on any ancestor.
 */
import type { RunOutcome, Trace } from "@pyheap/python";

/** Detail of `step-change`: the step now shown (0-based) and its source line. */
export interface StepChangeDetail {
  step: number;
  line: number;
  total: number;
}

/** Detail of `run-complete`: a trace is ready to show (also when the program raised or hit a limit). */
export interface RunCompleteDetail {
  source: string;
  trace: Trace;
  stdout: string;
  stderr: string;
  exitCode: number;
  outcome: RunOutcome;
}

/** Detail of `error`: no trace could be produced (interpreter failed to load, API unreachable or refused). */
export interface ErrorDetail {
  kind: "load" | "run" | "api" | "source";
  message: string;
}

/** Fired whenever the shown step changes once a trace is loaded. */
export class StepChangeEvent extends CustomEvent<StepChangeDetail> {
  constructor(detail: StepChangeDetail) {
    super("step-change", { detail, bubbles: true, composed: true });
  }
}

/** Fired when a run finished and its trace is shown. */
export class RunCompleteEvent extends CustomEvent<RunCompleteDetail> {
  constructor(detail: RunCompleteDetail) {
    super("run-complete", { detail, bubbles: true, composed: true });
  }
}

/** Fired when the element could not produce a trace at all. */
export class PyHeapErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super("error", { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "step-change": StepChangeEvent;
    "run-complete": RunCompleteEvent;
  }
}
