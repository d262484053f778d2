import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests spawn the built command (dist/bin.js): build before any test runs.
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
  },
});
