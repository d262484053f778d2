import { defineConfig } from "vitest/config";

// Unit tests run in Node (model, layout, narration); test/e2e drives the built demo in headless Chromium.
export default defineConfig({
  resolve: { conditions: ["pyheap-source"] },
  test: {
    include: ["test/**/*.test.ts"],
    // a guard against hangs, not a check: an e2e test that opens several pages (lazy.e2e: 6-10, each with
    // bounds of its own) took 62-64 s at load 16 and failed at the 60 s this was; 172 s at load 20
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll waits for the page to redraw after a key or click: its default of 1 s leaves little room
    // to headless Chromium on a loaded machine (how fast the page redraws is not what the tests check)
    expect: { poll: { timeout: 30_000 } },
  },
});
