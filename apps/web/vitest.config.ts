import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Test files that must run in a process of their own: they mock a module (vi.mock), or set
 * DATABASE_URL for the app's database client, which reads it once. A new file that does either
 * goes here.
 */
const ISOLATED = ["server/__tests__/uploads.test.ts", "server/__tests__/sessions.test.ts", "app/api/notifications/stream/route.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Next's guard against importing server code into the browser; inert in tests.
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
    },
  },
  test: {
    exclude: ["node_modules/**", ".next/**"],
    // After each file: the ledger invariants of every database it made (test/setup.ts).
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // A worker loads the app router, Prisma and the rules once and runs file after file with
        // them, instead of loading them again for every file. A file
        // that changes process.env or the file store puts it back when it ends.
        test: { name: "web", include: ["**/*.test.ts"], exclude: [...ISOLATED, "node_modules/**", ".next/**"], isolate: false, globalSetup: ["./test/global-setup.ts"] },
      },
      {
        extends: true,
        // Each file in a fresh process: these mock modules or point the app's own client (read once) at their database.
        test: { name: "web-isolated", include: ISOLATED, isolate: true, globalSetup: ["./test/global-setup-isolated.ts"] },
      },
    ],
  },
});
