// The `test` of every journey: Playwright's, with the ledger invariant check (economy.md §7) after
// each journey against the e2e server's database (the one serve-e2e.ts made; `pnpm db:check`
// is the same check from the command line). A violation fails the journey with the report.
// Specs import `test` from here, never from @playwright/test (eslint.config.mjs enforces it).
import { readFileSync } from "node:fs";
import { test as base } from "@playwright/test";
import type { PrismaClient } from "@fairlance/db";
import { createPrismaClient } from "@fairlance/db/client";
import { assertLedgerHolds } from "@fairlance/db/testing";
import { e2ePort } from "../port";
import { serverFiles } from "../scripts/server-files";

export const test = base.extend<{ ledgerCheck: void }, { ledger: PrismaClient }>({
  // One connection pool per worker to the e2e database.
  ledger: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const prisma = createPrismaClient(readFileSync(serverFiles(e2ePort()).database, "utf8").trim(), { max: 2 });
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: "worker" },
  ],
  ledgerCheck: [
    async ({ ledger }, use, testInfo) => {
      await use();
      await assertLedgerHolds(ledger, `after the journey "${testInfo.title}"`);
    },
    { auto: true },
  ],
});

export { expect } from "@playwright/test";
