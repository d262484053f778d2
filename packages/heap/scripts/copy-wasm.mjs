// Copies the core's .wasm builds into this package's build/ so that the module finds them at
// ../build/ (from dist/ and from src/) and bundlers can emit them as assets.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const out = new URL("../build/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ["pyheap.wasm", "pyheap.debug.wasm"]) {
  // the restorable form made from the previous build (rewrite-wasm.mjs writes it again after tsc)
  rmSync(new URL(name.replace(/\.wasm$/, ".restorable.wasm"), out), { force: true });
  copyFileSync(require.resolve(`@pyheap/core/${name}`), new URL(name, out));
}
