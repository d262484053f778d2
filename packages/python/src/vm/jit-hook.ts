/**
 * Where the eval loop finds the compiler of code objects to JavaScript (src/jit), when one is installed:
 * the loop and the unit runner import only this, so a bundle that never switches the compiled path on
 * (the browser build) does not carry it.
 */
import type { CodeInfo, Frame } from "./frame.js";
import type { VM } from "./vm.js";

export interface JitHook {
  /** The compiled function for info, or null when it stays with the eval loop. */
  compile(vm: VM, info: CodeInfo): ((f: Frame) => void) | null;
  /** Instructions the eval loop runs in a code object before compiling it. */
  threshold: number;
}

export const jitState: { hook: JitHook | null } = { hook: null };
