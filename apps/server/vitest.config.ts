import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The pool runs the compiled worker (dist/pool/worker.js): build before any test runs.
    globalSetup: ["./test/global-setup.ts"],
    // Tests that need every worker thread warm wait for the spares (nice 19: long on a loaded machine).
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
