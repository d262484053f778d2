import { defineConfig } from "vitest/config";

// Unit tests run in Node (model, layout, narration); test/e2e drives the built demo in headless Chromium.
export default defineConfig({
  resolve: { conditions: ["pyheap-source"] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll waits for the page to redraw after a key or click: its default of 1 s leaves little room
    // to headless Chromium on a loaded machine (how fast the page redraws is not what the tests check)
    expect: { poll: { timeout: 30_000 } },
  },
});
