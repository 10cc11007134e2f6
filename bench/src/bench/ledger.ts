// The invariant check over a generated ledger of N transfers, in its own database
// of the bench cluster. The ledger is what the marketplace writes, in bulk:
// per milestone story, a card charge into the client's funding account, funding
// into the milestone's escrow, the release to the freelancer's Available balance,
// and a withdrawal of half of it. Cached balances are set from the transfers,
// so every invariant holds and the check has to read everything to say so.
import { checkInvariants, createPrismaClient, type InvariantReport } from "@fairlance/db";
import pg from "pg";
import { seconds } from "./util";

export interface LedgerRun {
  transfers: number;
  accounts: number;
  generateSeconds: number;
  /** Wall time of each checkInvariants run, in ms (the first one reads a cold cache). */
  checkMs: number[];
  report: InvariantReport;
}

const CLIENTS = 5_000;
const FREELANCERS = 20_000;

/** Fills `url` (a freshly migrated database) with `transfers` transfers (a multiple of 4). */
export async function generateLedger(url: string, transfers: number): Promise<void> {
  const stories = Math.floor(transfers / 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    // Deterministic ids: md5 of the account's key, so transfers need no join to find them.
    await client.query(`
      INSERT INTO "LedgerAccount" (id, key, kind)
      SELECT md5(k)::uuid, k, kind FROM (
        SELECT 'card_gateway' k, 'card_gateway' kind UNION ALL SELECT 'payout_gateway', 'payout_gateway'
        UNION ALL SELECT 'client_funding:c' || c, 'client_funding' FROM generate_series(0, ${CLIENTS - 1}) c
        UNION ALL SELECT 'freelancer_available:f' || f, 'freelancer_available' FROM generate_series(0, ${FREELANCERS - 1}) f
        UNION ALL SELECT 'escrow_milestone:m' || s, 'escrow_milestone' FROM generate_series(0, ${stories - 1}) s
      ) a`);
    await client.query(`
      INSERT INTO "LedgerTransfer" ("idempotencyKey", operation, kind, "debitAccountId", "creditAccountId", "amountMinor", memo, "createdAt")
      SELECT t.key, t.operation, t.kind, md5(t.debit)::uuid, md5(t.credit)::uuid, t.amount, t.memo,
             timestamptz '2026-01-01' + make_interval(secs => s.s * 30 + t.leg)
      FROM (SELECT s, 'client_funding:c' || (s % ${CLIENTS}) AS c, 'escrow_milestone:m' || s AS e,
                   'freelancer_available:f' || ((s * 7) % ${FREELANCERS}) AS f, 2000 + (s * 7919) % 500000 AS a
            FROM generate_series(0, ${stories - 1}) s) s
      CROSS JOIN LATERAL (VALUES
        (0, 'milestone.fund:bench:' || s.s || '#0', 'milestone.fund', 'card_charge', 'card_gateway', s.c, s.a::bigint, 'Card charge for a milestone'),
        (1, 'milestone.fund:bench:' || s.s || '#1', 'milestone.fund', 'escrow_fund', s.c, s.e, s.a::bigint, 'Milestone funded into escrow'),
        (2, 'milestone.approve:bench:' || s.s || '#0', 'milestone.approve', 'escrow_release', s.e, s.f, s.a::bigint, 'Milestone released'),
        (3, 'payout.withdraw:bench:' || s.s || '#0', 'payout.withdraw', 'withdrawal', s.f, 'payout_gateway', (s.a / 2)::bigint, 'Withdrawal')
      ) AS t(leg, key, operation, kind, debit, credit, amount, memo)
      ORDER BY s.s, t.leg`);
    await client.query(`
      UPDATE "LedgerAccount" a SET "balanceMinor" = b.s
      FROM (SELECT id, sum(s) s FROM (
              SELECT "creditAccountId" id, "amountMinor" s FROM "LedgerTransfer"
              UNION ALL SELECT "debitAccountId", -"amountMinor" FROM "LedgerTransfer") u GROUP BY id) b
      WHERE a.id = b.id AND b.s <> 0`);
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

export async function timeInvariants(url: string, runs: number): Promise<{ checkMs: number[]; report: InvariantReport }> {
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    const checkMs: number[] = [];
    let report: InvariantReport | undefined;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      report = await checkInvariants(prisma);
      checkMs.push(performance.now() - t0);
    }
    return { checkMs, report: report! };
  } finally {
    await prisma.$disconnect();
  }
}

export async function runLedger(url: string, transfers: number, log: (line: string) => void): Promise<LedgerRun> {
  const t0 = performance.now();
  await generateLedger(url, transfers);
  const generateSeconds = seconds(t0);
  log(`[bench] generated a ledger of ${transfers.toLocaleString("en-US")} transfers in ${generateSeconds.toFixed(1)} s`);
  const { checkMs, report } = await timeInvariants(url, 3);
  return { transfers: report.transfers, accounts: report.accounts, generateSeconds, checkMs, report };
}
