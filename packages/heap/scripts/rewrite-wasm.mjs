// Writes the restorable form of each core build (see src/wasm-rewrite.ts) beside it in build/, so that
// loading a heap in Node reads it instead of rewriting the module in every process (a rewrite costs
// ~30-40 ms of CPU, as much as the rest of an interpreter's set-up). Runs after tsc (it uses the compiled
// rewrite); copy-wasm.mjs removes the previous files first, so a failed build leaves none stale. A build
// the rewrite does not apply to gets no file (the loader then uses the module as it is).
import { readFileSync, writeFileSync } from "node:fs";
import { makeRestorable } from "../dist/wasm-rewrite.js";

const dir = new URL("../build/", import.meta.url);
for (const name of ["pyheap.wasm", "pyheap.debug.wasm"]) {
  const out = makeRestorable(readFileSync(new URL(name, dir)));
  if (out) writeFileSync(new URL(name.replace(/\.wasm$/, ".restorable.wasm"), dir), out);
}
