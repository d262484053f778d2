import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The pool runs the compiled worker (dist/pool/worker.js): build before any test runs.
    globalSetup: ["./test/global-setup.ts"],
    // Tests that need every worker thread warm wait for them (untilWarm: up to 150 s, for a loaded machine);
    // a timeout is a guard against a hang here, never what a test checks.
    testTimeout: 240_000,
    hookTimeout: 30_000,
  },
});
