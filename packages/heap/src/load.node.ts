// Reading the .wasm synchronously in Node: the file sits in ../build next to this module (dist/ and src/
// are both one level down), or, in a development tree, in the core package's build.
interface NodeFs {
  readFileSync(path: URL | string): Uint8Array;
}
interface NodeModule {
  createRequire(url: string | URL): { resolve(id: string): string };
}
interface NodeProcess {
  getBuiltinModule?(id: string): unknown;
}

/** The bytes of pyheap.wasm (or the debug build), or undefined outside Node. With `restorable`, the
 *  restorable form the build writes beside it (scripts/rewrite-wasm.mjs) when there is one, and
 *  `restorable` tells which was read. */
export function readWasmSync(debug: boolean, found?: { restorable: boolean }): Uint8Array | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as NodeFs | undefined;
  if (!fs) return undefined;
  const name = debug ? "pyheap.debug.wasm" : "pyheap.wasm";
  // Not a template literal: bundlers (Vite) turn `new URL(`../build/${x}`, import.meta.url)` into a glob of
  // every file in build/ and ship them all (the restorable and debug modules too); the browser loader
  // (load.browser.ts) names the one module a page fetches.
  const url = new URL("../build/" + name, import.meta.url);
  if (found) {
    found.restorable = false;
    try {
      // relative to `url` (a variable), so that bundlers do not take the file for an asset of theirs
      const bytes = fs.readFileSync(new URL(name.replace(/\.wasm$/, ".restorable.wasm"), url));
      found.restorable = true;
      return bytes;
    } catch {
      // not built: the caller rewrites the plain module
    }
  }
  try {
    return fs.readFileSync(url);
  } catch {
    const mod = proc?.getBuiltinModule?.("node:module") as NodeModule | undefined;
    if (!mod) throw new Error(`${name} not found next to @pyheap/heap`);
    const path = mod.createRequire(import.meta.url).resolve(`@pyheap/core/${name}`);
    return fs.readFileSync(path);
  }
}
