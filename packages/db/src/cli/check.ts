// pnpm db:check — verifies the ledger invariants (economy.md §7) and
// prints what it checked; exits 1 when any is violated.
import "../env/exit-on-invalid";
import { createPrismaClient } from "../client";
import { resolveDatabase } from "../database-url";
import { checkInvariants, formatInvariantReport } from "../ledger/invariants";
import { migrate } from "../migrate";

const db = await resolveDatabase();
const prisma = createPrismaClient(db.url, { max: 2 });
try {
  await migrate(db.url, { log: console.log });
  const report = await checkInvariants(prisma);
  console.log(formatInvariantReport(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
