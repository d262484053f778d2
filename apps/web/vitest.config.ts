import { defineConfig } from "vitest/config";

// Unit tests run in Node (model, layout, narration); test/e2e drives the built demo in headless Chromium.
export default defineConfig({
  resolve: { conditions: ["pyheap-source"] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
