import type { Db } from "../client";
import { checkInvariants, formatInvariantReport, type InvariantReport } from "../ledger/invariants";

/** Thrown when a ledger invariant (economy.md §7) does not hold; its message is the whole report. */
export class LedgerInvariantError extends Error {
  constructor(
    readonly report: InvariantReport,
    where?: string,
  ) {
    super(`The ledger invariants do not hold${where ? ` ${where}` : ""}.\n${formatInvariantReport(report)}`);
    this.name = "LedgerInvariantError";
  }
}

/**
 * economy.md §7: every invariant of the money and connects ledgers holds. The one ledger assertion
 * of the tests (vitest and Playwright alike): throws a LedgerInvariantError carrying the
 * readable report (`pnpm db:check`'s) when one does not. `where` says which database or test.
 */
export async function assertLedgerHolds(db: Db, where?: string): Promise<InvariantReport> {
  const report = await checkInvariants(db);
  if (!report.ok) throw new LedgerInvariantError(report, where);
  return report;
}
