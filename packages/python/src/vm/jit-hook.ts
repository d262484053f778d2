/**
 * Where the eval loop finds the compiler of code objects to JavaScript (src/jit), when one is installed:
 * the loop and the unit runner import only this, so a bundle that never switches the compiled path on
 * (the browser build) does not carry it.
 */
import type { CodeInfo } from "./frame.js";
import type { VM } from "./vm.js";

export interface JitHook {
  /** Called when info.jitWait, which counts the jumps back the eval loop runs in a code object, reaches 0, at
   *  the instruction ip the jump landed on, in a run of vm: may compile a part of it (info.jit) and sets
   *  info.jitWait again. */
  compile(info: CodeInfo, ip: number, vm: VM): void;
  /** Jumps back in a new code object before the first such call (info.jitWait's start). */
  threshold: number;
}

export const jitState: { hook: JitHook | null } = { hook: null };
