import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // as Node loads the package (src/node.ts): the compiled path on unless PYHEAP_JIT=0
    setupFiles: ["./test/node-entry.setup.ts"],
    testTimeout: 60_000,
  },
});
