import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // a guard against hangs, not a check: the randomized release tests (dealloc-*, str-join-core) take
    // 60-260 s each at load 10-20 and failed at the 60 s this was ("Test timed out")
    testTimeout: 600_000,
  },
});
