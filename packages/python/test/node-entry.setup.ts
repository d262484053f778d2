// Every test file runs with the package as Node loads it (src/node.ts, the "node" export condition): the
// compiled path (src/jit) on unless PYHEAP_JIT=0 is set. Traced runs use the eval loop alone either way.
import "../src/node.js";
