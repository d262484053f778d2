import { defineConfig } from "vitest/config";

// Each package runs its own tests (`pnpm --filter <pkg> test`); this root config lets `vitest` at the top
// level find them all as projects.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tools/*"],
  },
});
