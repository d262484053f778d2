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

/** The bytes of pyheap.wasm (or the debug build), or undefined outside Node. */
export function readWasmSync(debug: boolean): Uint8Array | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as NodeFs | undefined;
  if (!fs) return undefined;
  const name = debug ? "pyheap.debug.wasm" : "pyheap.wasm";
  try {
    return fs.readFileSync(new URL(`../build/${name}`, import.meta.url));
  } catch {
    const mod = proc?.getBuiltinModule?.("node:module") as NodeModule | undefined;
    if (!mod) throw new Error(`${name} not found next to @pyheap/heap`);
    const path = mod.createRequire(import.meta.url).resolve(`@pyheap/core/${name}`);
    return fs.readFileSync(path);
  }
}
