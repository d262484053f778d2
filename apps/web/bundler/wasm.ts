/**
 * Browsers get the WASM heap built for size. The core has three builds (packages/core/asconfig.json):
 * `release` (optimised for speed: Node's CLI, server and benchmarks load it), `debug`, and `size`
 * (the same sources and checks, optimised for size: -Oz, `optimizeLevel` 2 + `shrinkLevel` 2), ~2.2 KB
 * gzipped smaller. The page names the release build twice, both through `new URL(…, import.meta.url)`:
 * the heap's browser loader (@pyheap/heap, build/pyheap.wasm, a copy of the core's) and the runner's
 * `<link rel=preload>` (`@pyheap/core/pyheap.wasm?url`); Vite emits the two as one asset, the bytes being
 * the same. These builds ship the size build's bytes in that asset instead (same file, same URL for
 * both, so the preload still serves the loader's fetch). A page build whose WASM asset is not the
 * core's current release build (a stale copy in packages/heap/build) fails rather than ship it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const CORE_BUILD = fileURLToPath(new URL("../../../packages/core/build/", import.meta.url));

/** The core's speed and size builds, as the core's build wrote them (release first, then size: a size
 *  build older than the release build, or with other exports or imports, is from other sources). A build
 *  restored from turbo's cache writes the files within milliseconds of each other, in any order: a size
 *  build up to a second older than the release build counts as written with it (the compiler takes
 *  seconds to write the size build after the release build). */
export function coreBuilds(): { release: Buffer; size: Buffer } {
  const [release, size] = ["pyheap.wasm", "pyheap.size.wasm"].map((f) => `${CORE_BUILD}${f}`) as [string, string];
  if (!existsSync(size) || statSync(size).mtimeMs < statSync(release).mtimeMs - 1000) throw new Error(`${size} is missing or older than ${release}: rebuild @pyheap/core`);
  const builds = { release: readFileSync(release), size: readFileSync(size) };
  const face = (b: Buffer): string => {
    const m = new WebAssembly.Module(b as unknown as BufferSource);
    return JSON.stringify([WebAssembly.Module.exports(m), WebAssembly.Module.imports(m)]);
  };
  if (face(builds.release) !== face(builds.size)) throw new Error(`${size} and ${release} export or import different names: rebuild @pyheap/core`);
  return builds;
}

/** The bytes a browser gets for `bytes`: the size build for the release build, any other module (the
 *  debug build) as it is. */
export function forBrowsers(bytes: Uint8Array, builds = coreBuilds()): Uint8Array {
  return Buffer.compare(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), builds.release) === 0 ? builds.size : bytes;
}

/** The page's build: its non-debug WASM asset becomes the size build (see above). */
export function sizeBuildForBrowsers(): Plugin {
  return {
    name: "pyheap-size-build-for-browsers",
    apply: "build",
    generateBundle(_options, bundle) {
      const builds = coreBuilds();
      for (const asset of Object.values(bundle)) {
        if (asset.type !== "asset" || !asset.fileName.endsWith(".wasm") || /\.debug[-.]/.test(asset.fileName)) continue;
        const bytes = typeof asset.source === "string" ? Buffer.from(asset.source) : asset.source;
        const shipped = forBrowsers(bytes, builds);
        if (shipped === bytes) this.error(`${asset.fileName} is not the core's release build (packages/core/build/pyheap.wasm): rebuild @pyheap/heap, whose build copies it`);
        asset.source = shipped;
      }
    },
  };
}
