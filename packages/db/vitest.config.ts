import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    // After each file: the ledger invariants of every database it made (testing/vitest-setup.ts).
    setupFiles: ["./src/testing/vitest-setup.ts"],
    // Integration tests share one PostgreSQL server; each file gets its own database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
