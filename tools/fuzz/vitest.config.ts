import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test runs python3 and pyheap's build (turbo builds @pyheap/python first) on each program.
    testTimeout: 120_000,
  },
});
