import { defineConfig } from "vite";

// The demo page: demo/index.html and its script, built to dist/ (served at / by the HTTP server).
export default defineConfig({
  root: "demo",
  base: "./",
  build: {
    outDir: "../dist",
    emptyOutDir: false,
    target: "es2022",
    reportCompressedSize: true,
    // terser packs the interpreter's chunk ~5 % smaller than esbuild's minifier (the 200 KB budget)
    minify: "terser",
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    // The manifest lets test/bundle-size.test.ts follow what the page loads without the editor.
    manifest: true,
    rollupOptions: {
      output: {
        // Name the lazily loaded chunks after their package, so the build report reads at a glance.
        chunkFileNames: (chunk) => {
          const m = chunk.facadeModuleId?.match(/packages\/([a-z]+)\//);
          return `assets/${m ? `pyheap-${m[1]}` : chunk.name}-[hash].js`;
        },
      },
    },
  },
});
