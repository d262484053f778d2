// Loading the .wasm asynchronously: a bundler-friendly URL relative to this module (Vite, webpack and
// esbuild rewrite `new URL("…", import.meta.url)` to the emitted asset).
export function wasmUrl(debug: boolean): URL {
  return debug ? new URL("../build/pyheap.debug.wasm", import.meta.url) : new URL("../build/pyheap.wasm", import.meta.url);
}

export async function compileWasmAsync(debug: boolean, bytes?: Uint8Array): Promise<WebAssembly.Module> {
  if (bytes) return WebAssembly.compile(bytes as BufferSource);
  const url = wasmUrl(debug);
  if (url.protocol === "file:") {
    const { readWasmSync } = await import("./load.node.js");
    const b = readWasmSync(debug);
    if (!b) throw new Error("cannot read pyheap.wasm");
    return WebAssembly.compile(b as BufferSource);
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot fetch ${url.href}: ${res.status}`);
  if (typeof WebAssembly.compileStreaming === "function" && res.headers.get("content-type") === "application/wasm") {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}
