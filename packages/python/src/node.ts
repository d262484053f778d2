/**
 * @pyheap/python as Node resolves it (the package's "node" export condition): the public entry with the
 * compiled path (jit/compile.ts) loaded, which switches itself on unless PYHEAP_JIT=0 is set. Bundles for
 * browsers resolve the plain entry (index.ts) and do not carry it.
 */
import "./jit/compile.js";
export * from "./index.js";
