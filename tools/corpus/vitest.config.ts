import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests spawn run.mjs, which loads @pyheap/python's build (turbo builds it first).
    testTimeout: 120_000,
  },
});
