// What browsers get for load.node.ts (package.json's "browser" field maps one to the other): a page has no
// file system to read the .wasm from; it fetches and compiles it (load.browser.ts, Heap's compileHeap).
export function readWasmSync(_debug: boolean, found?: { restorable: boolean }): Uint8Array | undefined {
  if (found) found.restorable = false;
  return undefined;
}
