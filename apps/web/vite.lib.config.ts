import { defineConfig } from "vite";

// The element as a library: dist/lib/py-heap-view.js (one ES module plus lazily loaded chunks), usable from
// plain HTML with one script tag. Library mode inlines the WASM heap into its chunk as base64.
export default defineConfig({
  build: {
    outDir: "dist/lib",
    emptyOutDir: false,
    target: "es2022",
    minify: "terser",
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "py-heap-view.js" },
  },
});
