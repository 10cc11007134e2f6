import { accountKey, REVENUE_KINDS, type AccountRef, type RevenueKind } from "@fairlance/rules";
import type { Db } from "../client";

/** An account key as an SQL string literal, built by the rules' accountKey like every other key. */
const keyLiteral = (ref: AccountRef) => `'${accountKey(ref)}'`;
const COLUMN = "\u0000";
/**
 * The SQL expression of the key of the account owned by `column` (a join on the owner's id):
 * `keyOf({ kind: "escrow_milestone", milestoneId: COLUMN }, "m.id")` is `'escrow_milestone:' || m.id`.
 */
function keyOf(ref: AccountRef, column: string): string {
  const [before, after = ""] = accountKey(ref).split(COLUMN);
  return `'${before}' || ${column}${after ? ` || '${after}'` : ""}`;
}


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

/**
 * Each revenue account of economy.md §7.7 and the records its money comes from: the account's
 * balance must equal what those records say the platform earned, net of what it gave back.
 */
const REVENUE_ORIGINS: { revenue: RevenueKind; name: string; origin: string; sql: string }[] = [
  { revenue: "service_fee", name: "service fee revenue", origin: "payments carry fees of", sql: `SELECT coalesce(sum("feeMinor"), 0) FROM "Payment"` },
  {
    // Charged with each funding, invoice and bonus (economy.md §3.3, §3.4, §3.6); given back with a
    // refunded milestone or hourly week. A milestone keeps its fee once funded unless refunded; a
    // week from its invoice unless refunded; a bonus's fee is its card charge minus the bonus.
    revenue: "client_fee",
    name: "client fee revenue",
    origin: "milestones, hourly weeks and bonuses charged client fees (net of refunds) of",
    // A dispute split (economy.md §9.3) gave back the fee's share of the refunded part, half up:
    // fee × refunded ÷ amount.
    sql: `SELECT (SELECT coalesce(sum("clientFeeMinor"), 0) FROM "Milestone" WHERE status IN ('FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'REFUND_REQUESTED', 'DISPUTED', 'APPROVED'))
               + (SELECT coalesce(sum("clientFeeMinor"), 0) FROM "HourlyWeek" WHERE status IN ('INVOICED', 'DISPUTED', 'RELEASED'))
               + (SELECT coalesce(sum(coalesce(m."clientFeeMinor", w."clientFeeMinor")
                          - (coalesce(m."clientFeeMinor", w."clientFeeMinor") * d."refundedMinor" * 2 + d."amountMinor") / (2 * d."amountMinor")), 0)
                    FROM "Dispute" d LEFT JOIN "Milestone" m ON m.id = d."milestoneId" LEFT JOIN "HourlyWeek" w ON w.id = d."hourlyWeekId"
                   WHERE d.outcome = 'SPLIT' AND d.status IN ('DECIDED', 'SETTLED'))
               + (SELECT coalesce(sum("amountMinor"), 0) FROM "Charge" WHERE purpose LIKE 'bonus:%')
               - (SELECT coalesce(sum("grossMinor"), 0) FROM "Payment" WHERE kind = 'BONUS')`,
  },
  { revenue: "connect_sales", name: "connect sales", origin: "purchases total", sql: `SELECT coalesce(sum("priceMinor"), 0) FROM "ConnectPurchase"` },
  {
    // Each first charge, re-join and renewal of Freelancer Plus (economy.md §2.1); nothing is refunded.
    revenue: "membership",
    name: "membership revenue",
    origin: "membership charges total",
    sql: `SELECT coalesce(sum("amountMinor"), 0) FROM "Charge" WHERE purpose = 'membership'`,
  },
  {
    // The method's fee of each withdrawal (economy.md §4); a failed payout gives its fee back.
    revenue: "payout_fee",
    name: "payout fee revenue",
    origin: "withdrawals that did not fail carry fees of",
    sql: `SELECT coalesce(sum("feeMinor"), 0) FROM "Withdrawal" WHERE status <> 'FAILED'`,
  },
];

function revenueMatchesOrigin(line: (typeof REVENUE_ORIGINS)[number]): string {
  const balance = `coalesce((SELECT "balanceMinor" FROM "LedgerAccount" WHERE key = ${keyLiteral({ kind: "platform_revenue", revenue: line.revenue })}), 0)`;
  return `SELECT '${line.name} ' || ${balance} || ' but ${line.origin} ' || (${line.sql}) AS detail
          WHERE ${balance} <> (${line.sql})`;
}

/** A milestone or week is DISPUTED exactly while an open dispute holds it, both ways round. */
function disputedRowsMatchOpenDisputes(table: "Milestone" | "HourlyWeek", column: "milestoneId" | "hourlyWeekId", noun: string): string {
  return `SELECT '${noun} ' || t.id || ' is DISPUTED with no open dispute' AS detail
          FROM "${table}" t WHERE t.status = 'DISPUTED'
            AND NOT EXISTS (SELECT 1 FROM "Dispute" d WHERE d."${column}" = t.id AND d.status = 'OPEN')
          UNION ALL
          SELECT '${noun} ' || t.id || ' is ' || t.status || ' under open dispute ' || d.id AS detail
          FROM "Dispute" d JOIN "${table}" t ON t.id = d."${column}" WHERE d.status = 'OPEN' AND t.status <> 'DISPUTED'`;
}

/**
 * Each check is one SQL query returning one row per violation. `planner` settings apply to that
 * query alone (SET LOCAL in its own transaction) when the checks run on the client's pool.
 */
const CHECKS: { id: string; title: string; sql: string; planner?: Record<string, string> }[] = [
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
    // One ordered pass, no hashing: the covering indexes (debit/credit account, id, amount) and the
    // account key give every account's credits, debits and cached balance in account order; an
    // account is reported when credits − debits − cached is not zero. Without hash aggregation the
    // planner streams them (Merge Append + GroupAggregate): about half the CPU of hashing 2 rows per transfer.
    sql: `WITH drift AS (
            SELECT id, sum(s) AS off FROM (
              SELECT "creditAccountId" id, "amountMinor" s FROM "LedgerTransfer"
              UNION ALL SELECT "debitAccountId", -"amountMinor" FROM "LedgerTransfer"
              UNION ALL SELECT id, -"balanceMinor" FROM "LedgerAccount") u
            GROUP BY id HAVING sum(s) <> 0)
          SELECT coalesce(a.key, 'account ' || d.id) || ': cached ' || coalesce(a."balanceMinor", 0) || ', transfers ' || (coalesce(a."balanceMinor", 0) + d.off) AS detail
          FROM drift d LEFT JOIN "LedgerAccount" a ON a.id = d.id`,
    planner: { enable_hashagg: "off" },
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
    // min <> max finds a key with two operations without count(DISTINCT), which would sort every transfer.
    sql: `SELECT 'key ' || k || ' used by operations ' || first || ' and ' || last AS detail FROM (
            SELECT split_part("idempotencyKey", '#', 1) k, min(operation) first, max(operation) last FROM "LedgerTransfer" GROUP BY 1) t
          WHERE first <> last`,
  },
  {
    id: "7.5-escrow",
    title: "Escrow of each milestone and hourly invoice = funded − released − refunded, matching its state",
    sql: `SELECT 'milestone ' || m.id || ' (' || m.status || ') escrow ' || coalesce(a."balanceMinor", 0) || ', expected ' ||
                 CASE WHEN m.status IN ('FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'REFUND_REQUESTED', 'DISPUTED') THEN m."amountMinor" ELSE 0 END AS detail
          FROM "Milestone" m LEFT JOIN "LedgerAccount" a ON a.key = ${keyOf({ kind: "escrow_milestone", milestoneId: COLUMN }, "m.id")}
          WHERE coalesce(a."balanceMinor", 0) <> CASE WHEN m.status IN ('FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'REFUND_REQUESTED', 'DISPUTED') THEN m."amountMinor" ELSE 0 END
          UNION ALL
          SELECT 'hourly week ' || w.id || ' (' || w.status || ') escrow ' || coalesce(a."balanceMinor", 0) AS detail
          FROM "HourlyWeek" w LEFT JOIN "LedgerAccount" a ON a.key = ${keyOf({ kind: "escrow_hourly_invoice", invoiceId: COLUMN }, "w.id")}
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
    // The entries are summed per lot in one pass and joined to the lots (a hash join): a subquery
    // per lot read every entry once per lot (no index on lotId), 10 s at 2,000 lots and 22,000
    // entries (BENCHMARKS.md). A reissued lot's issue is not an entry: it has no grant of its own.
    sql: `SELECT 'lot ' || l.id || ': remaining ' || l.remaining || ', entries ' || coalesce(e.total, 0) ||
                 CASE WHEN l.source = 'REFUND_REISSUE' THEN '' ELSE ', issued ' || l.issued || ', granted or bought ' || coalesce(e.issued, 0) END AS detail
          FROM "ConnectLot" l LEFT JOIN (
            SELECT "lotId", sum(delta) total, sum(delta) FILTER (WHERE delta > 0 AND kind IN ('GRANT', 'PURCHASE')) issued
            FROM "ConnectEntry" GROUP BY "lotId") e ON e."lotId" = l.id
          WHERE l.remaining <> coalesce(e.total, 0)
             OR l.issued <> coalesce(e.issued, 0) + CASE WHEN l.source = 'REFUND_REISSUE' THEN l.issued ELSE 0 END`,
  },
  {
    id: "7.7-revenue",
    title: "Platform revenue = service fees + client fees + connect sales + memberships + payout fees",
    sql: `${REVENUE_ORIGINS.map(revenueMatchesOrigin).join("\n          UNION ALL\n          ")}
          UNION ALL
          SELECT 'revenue account of unknown kind: ' || key AS detail FROM "LedgerAccount"
          WHERE kind = 'platform_revenue' AND key NOT IN (${REVENUE_KINDS.map((revenue) => keyLiteral({ kind: "platform_revenue", revenue })).join(", ")})`,
  },
  {
    // economy.md §6: a milestone or week is DISPUTED exactly while one open dispute holds it, for
    // its whole amount; a closed dispute divided exactly that amount, and its payment (if any) is
    // of the released part.
    id: "disputes",
    title: "Each disputed milestone and week has one open dispute for its amount; each decided or settled one paid out what it says",
    // (At most one open dispute per milestone or week is a unique index.)
    sql: `${disputedRowsMatchOpenDisputes("Milestone", "milestoneId", "milestone")}
          UNION ALL
          ${disputedRowsMatchOpenDisputes("HourlyWeek", "hourlyWeekId", "hourly week")}
          UNION ALL
          SELECT 'dispute ' || d.id || ' froze ' || d."amountMinor" || ' but its target holds ' || coalesce(m."amountMinor", w."amountMinor") AS detail
          FROM "Dispute" d LEFT JOIN "Milestone" m ON m.id = d."milestoneId" LEFT JOIN "HourlyWeek" w ON w.id = d."hourlyWeekId"
          WHERE d."amountMinor" <> coalesce(m."amountMinor", w."amountMinor")
          UNION ALL
          SELECT 'dispute ' || d.id || ' released ' || coalesce(d."releasedMinor", 0) || ' but its payment is ' || coalesce(p."grossMinor", 0) AS detail
          FROM "Dispute" d LEFT JOIN "Payment" p ON p.id = d."paymentId"
          WHERE d.status IN ('DECIDED', 'SETTLED') AND coalesce(d."releasedMinor", 0) <> coalesce(p."grossMinor", 0)`,
  },
  {
    id: "pending-payments",
    title: "Each freelancer's Pending balance = the net of their payments still in the security period",
    sql: `WITH p AS (SELECT "freelancerId" id, sum("netMinor") s FROM "Payment" WHERE "clearedAt" IS NULL GROUP BY 1)
          SELECT a.key || ' is ' || a."balanceMinor" || ', uncleared payments ' || coalesce(p.s, 0) AS detail
          FROM "LedgerAccount" a LEFT JOIN p ON a.key = ${keyOf({ kind: "freelancer_pending", userId: COLUMN }, "p.id")}
          WHERE a.kind = 'freelancer_pending' AND a."balanceMinor" <> coalesce(p.s, 0)`,
  },
  {
    // A refund owed after a refused transaction (services/payments/pending-refunds.ts) is of a charge
    // whose transaction rolled back: the ledger never received that money, so it shows nothing of
    // it, while the refund is pending and after it is done. A Charge row for the same gateway charge
    // would mean the ledger holds money the queue gives back (or gave back): reported here. A KEPT
    // one is the opposite case: a replay recorded the charge, so a Charge row must exist.
    id: "pending-refunds",
    title: "Refunds owed after refused transactions are of charges the ledger never recorded; booked refunds are of recorded ones",
    sql: `SELECT 'refund of ' || r."chargeRef" || ' (' || r.status || ', ' || r."amountMinor" || ') but charge ' || c.id || ' records it in the ledger' AS detail
          FROM "PendingRefund" r JOIN "Charge" c ON c."gatewayRef" = r."chargeRef" WHERE r.status IN ('PENDING', 'REFUNDED') AND NOT r.booked
          UNION ALL
          SELECT 'booked refund of ' || r."chargeRef" || ' but no charge records it' AS detail
          FROM "PendingRefund" r WHERE r.booked AND NOT EXISTS (SELECT 1 FROM "Charge" c WHERE c."gatewayRef" = r."chargeRef")
          UNION ALL
          SELECT 'refund of ' || r."chargeRef" || ' kept, but no charge records it' AS detail
          FROM "PendingRefund" r WHERE r.status = 'KEPT' AND NOT EXISTS (SELECT 1 FROM "Charge" c WHERE c."gatewayRef" = r."chargeRef")
          UNION ALL
          SELECT 'refund of ' || "chargeRef" || ' (' || status || ') amount ' || "amountMinor" || ', refund ref ' || coalesce("refundRef", 'none') AS detail
          FROM "PendingRefund" WHERE "amountMinor" <= 0 OR (status = 'REFUNDED') <> ("refundRef" IS NOT NULL AND "refundedAt" IS NOT NULL)`,
  },
];

/** The two checks that read every transfer: started first, so they run side by side. */
const HEAVY = new Set(["7.2-cached-balances", "7.4-idempotency"]);

/** Every check of economy.md §7 by its id and title, in the report's order (the admin page lists them before they run). */
export const INVARIANT_CHECKS: readonly { id: string; title: string }[] = CHECKS.map(({ id, title }) => ({ id, title }));

/** Runs one check (one read-only query) and reports what it found; an unknown id is a programming error. */
export async function runInvariantCheck(db: Db, id: string): Promise<InvariantCheck> {
  const check = CHECKS.find((each) => each.id === id);
  if (!check) throw new Error(`There is no ledger invariant "${id}".`);
  let rows: Row[];
  if (check.planner && "$transaction" in db) {
    const settings = Object.entries(check.planner).map(([name, value]) => db.$executeRawUnsafe(`SET LOCAL ${name} = ${value}`));
    rows = (await db.$transaction([...settings, db.$queryRawUnsafe<Row[]>(check.sql)])).at(-1) as Row[];
  } else {
    rows = await db.$queryRawUnsafe<Row[]>(check.sql);
  }
  return { id: check.id, title: check.title, ok: rows.length === 0, violations: rows.slice(0, 20).map((r) => r.detail), violationCount: rows.length };
}

/** How many transfers and accounts the ledger holds (what a report is "over"). */
export async function ledgerSize(db: Db): Promise<{ transfers: number; accounts: number }> {
  const [counts] = await db.$queryRawUnsafe<{ transfers: bigint; accounts: bigint }[]>(
    `SELECT (SELECT count(*) FROM "LedgerTransfer") transfers, (SELECT count(*) FROM "LedgerAccount") accounts`,
  );
  return { transfers: Number(counts?.transfers ?? 0), accounts: Number(counts?.accounts ?? 0) };
}

/**
 * Verifies every ledger invariant of economy.md §7 over the whole database. Given the
 * client (not a transaction), the checks run two at a time on two connections of its pool
 * (each check is one read-only query), so a large ledger is checked in about half the time
 * while leaving the rest of the pool to the app.
 */
export async function checkInvariants(db: Db): Promise<InvariantReport> {
  // A transaction has one connection: there the checks run one after the other.
  const lanes = "$transaction" in db ? 2 : 1;
  const queue = [...CHECKS.filter((c) => HEAVY.has(c.id)), ...CHECKS.filter((c) => !HEAVY.has(c.id))];
  const done = new Map<string, InvariantCheck>();
  let counts = { transfers: 0, accounts: 0 };
  let countsTaken = false;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let check = queue.shift(); check; check = queue.shift()) done.set(check.id, await runInvariantCheck(db, check.id));
      if (!countsTaken) {
        countsTaken = true;
        counts = await ledgerSize(db);
      }
    }),
  );
  const checks = CHECKS.map((check) => done.get(check.id)!);
  return { ok: checks.every((c) => c.ok), checks, ...counts };
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
