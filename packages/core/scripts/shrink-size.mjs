// Runs Binaryen's wasm-opt over the size build (build/pyheap.size.wasm, the core browsers fetch) after asc:
// -Oz again, until a round no longer shrinks it (--converge). asc's own pipeline at the same levels
// (optimizeLevel 2, shrinkLevel 2) leaves code that wasm-opt's default -Oz passes still take off: on the
// core of 26 Nov 50 424 -> 49 941 B, 20 236 -> 19 997 B as the page's build packs it (zopfli); asc's
// --converge alone took 43 B off. The features are those asc compiles the core with (bulk memory's
// memory.fill/copy, sign extension, non-trapping float-to-int, mutable globals); the wasm-opt is the one
// of the Binaryen asc itself uses. The Node builds (release, debug) are not touched.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = fileURLToPath(new URL("../build/pyheap.size.wasm", import.meta.url));
const asc = createRequire(import.meta.url).resolve("assemblyscript/package.json");
const wasmOpt = join(dirname(createRequire(asc).resolve("binaryen/package.json")), "bin", "wasm-opt");
const before = statSync(file).size;
execFileSync(
  process.execPath,
  [wasmOpt, file, "-o", file, "-Oz", "--converge", "--mvp-features", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"],
  { stdio: "inherit" },
);
console.log(`pyheap.size.wasm: ${before} -> ${statSync(file).size} B (wasm-opt -Oz --converge)`);
