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
    // A worker loads the Prisma client, the services and the rules once and runs file after file
    // with them, instead of loading them again for every file (12 files: 74 → 34 CPU-seconds).
    // Nothing keeps state between files but the databases, each file's own: a test that changes
    // process.env or the file store puts it back when it ends (CONTRIBUTING.md, "Integration tests").
    isolate: false,
  },
});
