import { gzipAsync } from "@gfx/zopfli";
import gzipPlugin from "rollup-plugin-gzip";
import type { Plugin } from "vite";

/** The files a browser fetches from a build, which the HTTP server can send compressed. */
export const COMPRESSED_FILES = /\.(js|css|wasm|html|svg|json)$/;

/**
 * zopfli's passes over a file of `size` bytes: 10 (its own advice for small files) up to 1 MB, 5 above
 * (its advice for files of several MB; no build output is that large today). More passes gain nothing
 * here: on the interpreter's chunk (~480 KB) 1 pass packs it to 151 800 bytes in 0.7 s of CPU, 10 passes
 * to 151 513 in 1.2 s, 15 to 151 568 in 1.4 s, 20 to 151 529 in 1.8 s (zlib's gzip -9: 159 572 bytes).
 * Blocks are split without zopfli's limit of 15 (`blocksplittingmax: 0`): on the library build's chunks of
 * 26 Nov the interpreter's second chunk (parser and compiler) 59 712 -> 59 610 bytes for ~2 s more of
 * CPU, the other counted files unchanged.
 */
export function zopfliIterations(size: number): number {
  return size <= 1024 * 1024 ? 10 : 5;
}

/** `bytes` in gzip format as zopfli packs it: any gzip decoder reads it, ~5 % smaller than zlib's level 9. */
export async function zopfliGzip(bytes: string | Uint8Array): Promise<Buffer> {
  const input = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return Buffer.from(await gzipAsync(input, { numiterations: zopfliIterations(input.length), blocksplittingmax: 0 }));
}

/**
 * Writes `FILE.gz` (zopfli, gzip format) beside every script, style sheet, WASM file, page, SVG and JSON
 * file the build writes (not the build manifest under `.vite/`), so the HTTP server sends those bytes to
 * browsers that accept gzip (apps/server/src/routes/web.ts) without compressing on each request.
 */
export function precompress(): Plugin {
  return gzipPlugin({
    filter: (fileName) => COMPRESSED_FILES.test(fileName) && !fileName.startsWith(".vite/"),
    customCompression: zopfliGzip,
    fileName: ".gz",
  }) as Plugin;
}
