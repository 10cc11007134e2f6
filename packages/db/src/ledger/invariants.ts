import type { Db } from "../client";

export interface InvariantCheck {
  id: string;
  title: string;
  ok: boolean;
  /** Up to 20 examples of what is wrong. */
  violations: string[];
  violationCount: number;
}

export interface InvariantReport {
  ok: boolean;
  checks: InvariantCheck[];
  transfers: number;
  accounts: number;
}

type Row = { detail: string };

/** Each check is one SQL query returning one row per violation. */
const CHECKS: { id: string; title: string; sql: string }[] = [
  {
    id: "7.1-transfers",
    title: "Every transfer moves a positive amount between two different accounts",
    sql: `SELECT 'transfer ' || id || ' amount ' || "amountMinor" AS detail FROM "LedgerTransfer"
          WHERE "amountMinor" <= 0 OR "debitAccountId" = "creditAccountId"`,
  },
  {
    id: "7.1-zero-sum",
    title: "The balances of all accounts sum to zero",
    sql: `SELECT 'sum of balances is ' || s AS detail FROM (SELECT coalesce(sum("balanceMinor"), 0) s FROM "LedgerAccount") t WHERE s <> 0`,
  },
  {
    id: "7.2-cached-balances",
    title: "Every cached balance equals the sum of its account's transfers",
    sql: `WITH c AS (SELECT "creditAccountId" id, sum("amountMinor") s FROM "LedgerTransfer" GROUP BY 1),
               d AS (SELECT "debitAccountId" id, sum("amountMinor") s FROM "LedgerTransfer" GROUP BY 1)
          SELECT a.key || ': cached ' || a."balanceMinor" || ', transfers ' || (coalesce(c.s, 0) - coalesce(d.s, 0)) AS detail
          FROM "LedgerAccount" a LEFT JOIN c ON c.id = a.id LEFT JOIN d ON d.id = a.id
          WHERE a."balanceMinor" <> coalesce(c.s, 0) - coalesce(d.s, 0)`,
  },
  {
    id: "7.3-non-negative",
    title: "No freelancer balance, escrow, revenue or connect lot is negative",
    sql: `SELECT key || ' is ' || "balanceMinor" AS detail FROM "LedgerAccount"
          WHERE "balanceMinor" < 0 AND kind NOT IN ('card_gateway', 'payout_gateway')
          UNION ALL
          SELECT 'connect lot ' || id || ' has ' || remaining AS detail FROM "ConnectLot" WHERE remaining < 0`,
  },
  {
    id: "7.3-client-funding",
    title: "Client funding accounts are back to zero after every event",
    sql: `SELECT key || ' holds ' || "balanceMinor" AS detail FROM "LedgerAccount" WHERE kind = 'client_funding' AND "balanceMinor" <> 0`,
  },
  {
    id: "7.4-idempotency",
    title: "At most one effect per idempotency key",
    sql: `SELECT 'key ' || k || ' used by ' || n || ' operations' AS detail FROM (
            SELECT split_part("idempotencyKey", '#', 1) k, count(DISTINCT operation) n FROM "LedgerTransfer" GROUP BY 1) t WHERE n > 1`,
  },
  {
    id: "7.5-escrow",
    title: "Escrow of each milestone and hourly invoice = funded − released − refunded, matching its state",
    sql: `SELECT 'milestone ' || m.id || ' (' || m.status || ') escrow ' || coalesce(a."balanceMinor", 0) || ', expected ' ||
                 CASE WHEN m.status IN ('FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED') THEN m."amountMinor" ELSE 0 END AS detail
          FROM "Milestone" m LEFT JOIN "LedgerAccount" a ON a.key = 'escrow_milestone:' || m.id
          WHERE coalesce(a."balanceMinor", 0) <> CASE WHEN m.status IN ('FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED') THEN m."amountMinor" ELSE 0 END
          UNION ALL
          SELECT 'hourly week ' || w.id || ' (' || w.status || ') escrow ' || coalesce(a."balanceMinor", 0) AS detail
          FROM "HourlyWeek" w LEFT JOIN "LedgerAccount" a ON a.key = 'escrow_hourly_invoice:' || w.id
          WHERE coalesce(a."balanceMinor", 0) <> CASE WHEN w.status IN ('INVOICED', 'DISPUTED') THEN w."amountMinor" ELSE 0 END`,
  },
  {
    id: "7.6-proposal-connects",
    title: "Each proposal's connects spent = cost + boost − refunded",
    sql: `SELECT 'proposal ' || p.id || ': ledger ' || coalesce(-sum(e.delta), 0) || ', expected ' ||
                 (p."connectCost" + p."boostConnects" - p."connectsRefunded") AS detail
          FROM "Proposal" p LEFT JOIN "ConnectEntry" e ON e."proposalId" = p.id AND e.kind IN ('SPEND', 'REFUND')
          GROUP BY p.id HAVING coalesce(-sum(e.delta), 0) <> p."connectCost" + p."boostConnects" - p."connectsRefunded"`,
  },
  {
    id: "7.6-lots",
    title: "Each lot's remaining = issued − spent + refunded − expired",
    sql: `SELECT 'lot ' || l.id || ': remaining ' || l.remaining || ', entries ' || coalesce(sum(e.delta), 0) AS detail
          FROM "ConnectLot" l LEFT JOIN "ConnectEntry" e ON e."lotId" = l.id
          GROUP BY l.id HAVING l.remaining <> coalesce(sum(e.delta), 0) OR l.issued <> (
            SELECT coalesce(sum(delta), 0) FROM "ConnectEntry" WHERE "lotId" = l.id AND delta > 0 AND kind IN ('GRANT', 'PURCHASE')
          ) + CASE WHEN l.source = 'REFUND_REISSUE' THEN l.issued ELSE 0 END`,
  },
  {
    id: "7.7-revenue",
    title: "Platform revenue = service fees + client fees + connect sales + memberships + payout fees",
    sql: `SELECT 'service fee revenue ' || coalesce((SELECT "balanceMinor" FROM "LedgerAccount" WHERE key = 'platform_revenue:service_fee'), 0)
                 || ' but payments carry fees of ' || (SELECT coalesce(sum("feeMinor"), 0) FROM "Payment") AS detail
          WHERE coalesce((SELECT "balanceMinor" FROM "LedgerAccount" WHERE key = 'platform_revenue:service_fee'), 0)
                <> (SELECT coalesce(sum("feeMinor"), 0) FROM "Payment")
          UNION ALL
          SELECT 'connect sales ' || coalesce((SELECT "balanceMinor" FROM "LedgerAccount" WHERE key = 'platform_revenue:connect_sales'), 0)
                 || ' but purchases total ' || (SELECT coalesce(sum("priceMinor"), 0) FROM "ConnectPurchase") AS detail
          WHERE coalesce((SELECT "balanceMinor" FROM "LedgerAccount" WHERE key = 'platform_revenue:connect_sales'), 0)
                <> (SELECT coalesce(sum("priceMinor"), 0) FROM "ConnectPurchase")
          UNION ALL
          SELECT 'revenue account of unknown kind: ' || key AS detail FROM "LedgerAccount"
          WHERE kind = 'platform_revenue' AND key NOT IN ('platform_revenue:service_fee', 'platform_revenue:client_fee',
            'platform_revenue:connect_sales', 'platform_revenue:membership', 'platform_revenue:payout_fee')`,
  },
  {
    id: "pending-payments",
    title: "Each freelancer's Pending balance = the net of their payments still in the security period",
    sql: `WITH p AS (SELECT "freelancerId" id, sum("netMinor") s FROM "Payment" WHERE "clearedAt" IS NULL GROUP BY 1)
          SELECT a.key || ' is ' || a."balanceMinor" || ', uncleared payments ' || coalesce(p.s, 0) AS detail
          FROM "LedgerAccount" a LEFT JOIN p ON a.key = 'freelancer_pending:' || p.id
          WHERE a.kind = 'freelancer_pending' AND a."balanceMinor" <> coalesce(p.s, 0)`,
  },
];

/** Verifies every ledger invariant of RULES.md section 7 over the whole database. */
export async function checkInvariants(db: Db): Promise<InvariantReport> {
  const checks: InvariantCheck[] = [];
  for (const check of CHECKS) {
    const rows = await db.$queryRawUnsafe<Row[]>(check.sql);
    checks.push({ id: check.id, title: check.title, ok: rows.length === 0, violations: rows.slice(0, 20).map((r) => r.detail), violationCount: rows.length });
  }
  const [counts] = await db.$queryRawUnsafe<{ transfers: bigint; accounts: bigint }[]>(
    `SELECT (SELECT count(*) FROM "LedgerTransfer") transfers, (SELECT count(*) FROM "LedgerAccount") accounts`,
  );
  return { ok: checks.every((c) => c.ok), checks, transfers: Number(counts?.transfers ?? 0), accounts: Number(counts?.accounts ?? 0) };
}

export function formatInvariantReport(report: InvariantReport): string {
  const lines = [`Ledger invariants over ${report.transfers} transfers in ${report.accounts} accounts:`];
  for (const check of report.checks) {
    lines.push(`  ${check.ok ? "ok  " : "FAIL"} ${check.id.padEnd(22)} ${check.title}`);
    for (const violation of check.violations) lines.push(`         - ${violation}`);
    if (check.violationCount > check.violations.length) lines.push(`         … and ${check.violationCount - check.violations.length} more`);
  }
  lines.push(report.ok ? "All invariants hold." : `${report.checks.filter((c) => !c.ok).length} invariant(s) violated.`);
  return lines.join("\n");
}
