// The invariant check over a generated ledger of N transfers, in its own database
// of the bench cluster. The ledger is what the marketplace writes, in bulk:
// per milestone story, a card charge into the client's funding account, funding
// into the milestone's escrow, the release to the freelancer's Available balance,
// and a withdrawal of half of it. Cached balances are set from the transfers,
// so every invariant holds and the check has to read everything to say so.
import { checkInvariants, type InvariantReport } from "@fairlance/db/read";
import { createPrismaClient } from "@fairlance/db/client";
import pg from "pg";
import { cpuSeconds } from "../harness";
import { seconds } from "./util";

export interface LedgerRun {
  transfers: number;
  accounts: number;
  /** False when a previous run's ledger was reused. */
  generated: boolean;
  generateSeconds: number;
  /** Wall time of each checkInvariants run, in ms (the first one reads a cold cache). */
  checkMs: number[];
  /** PostgreSQL CPU time of each run, in ms (all its processes: holds on a busy machine). */
  checkCpuMs: number[];
  report: InvariantReport;
}

const CLIENTS = 5_000;
const FREELANCERS = 20_000;

/** Bump when the generated ledger changes, so a kept ledger of an older shape is regenerated. */
const GENERATOR_VERSION = 1;

/** The ledger a previous run generated and kept, if it is the one this run would generate. */
async function keptLedger(client: pg.Client, transfers: number): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench_ledger' AND table_name = 'generated') AS ok`,
  );
  if (!rows[0]?.ok) return false;
  const kept = await client.query<{ version: number; transfers: number }>(`SELECT version, transfers FROM bench_ledger.generated`);
  return kept.rows[0]?.version === GENERATOR_VERSION && kept.rows[0]?.transfers === transfers;
}

/**
 * Fills `url` (a migrated database) with `transfers` transfers (a multiple of 4). The indexes of
 * LedgerTransfer are dropped during the load and rebuilt after with the same definitions (faster
 * than maintaining them row by row). Returns false when a kept ledger of the same shape was reused.
 */
export async function generateLedger(url: string, transfers: number): Promise<boolean> {
  const stories = Math.floor(transfers / 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await keptLedger(client, transfers)) return false;
    await client.query(`TRUNCATE "LedgerTransfer", "LedgerAccount" CASCADE`);
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("BEGIN");
    // Indexes and foreign keys of LedgerTransfer are dropped for the load and rebuilt after with the
    // same definitions: one pass each instead of a lookup per row.
    const { rows: keys } = await client.query<{ name: string; definition: string }>(`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = '"LedgerTransfer"'::regclass AND contype = 'f'`);
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'LedgerTransfer' AND indexname <> 'LedgerTransfer_pkey'`);
    for (const key of keys) await client.query(`ALTER TABLE "LedgerTransfer" DROP CONSTRAINT "${key.name}"`);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
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
    for (const index of indexes) await client.query(index.definition);
    for (const key of keys) await client.query(`ALTER TABLE "LedgerTransfer" ADD CONSTRAINT "${key.name}" ${key.definition}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS bench_ledger`);
    await client.query(`CREATE TABLE IF NOT EXISTS bench_ledger.generated (version int NOT NULL, transfers int NOT NULL)`);
    await client.query(`TRUNCATE bench_ledger.generated`);
    await client.query(`INSERT INTO bench_ledger.generated VALUES ($1, $2)`, [GENERATOR_VERSION, transfers]);
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    return true;
  } finally {
    await client.end();
  }
}

export async function timeInvariants(url: string, runs: number, postgresPid: number): Promise<{ checkMs: number[]; checkCpuMs: number[]; report: InvariantReport }> {
  // Two connections: checkInvariants runs its checks two at a time on the client's pool.
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    const checkMs: number[] = [];
    const checkCpuMs: number[] = [];
    let report: InvariantReport | undefined;
    for (let i = 0; i < runs; i++) {
      const cpu0 = cpuSeconds(postgresPid);
      const t0 = performance.now();
      report = await checkInvariants(prisma);
      checkMs.push(performance.now() - t0);
      checkCpuMs.push((cpuSeconds(postgresPid) - cpu0) * 1000);
    }
    return { checkMs, checkCpuMs, report: report! };
  } finally {
    await prisma.$disconnect();
  }
}

export async function runLedger(url: string, transfers: number, postgresPid: number, log: (line: string) => void): Promise<LedgerRun> {
  const t0 = performance.now();
  const generated = await generateLedger(url, transfers);
  const generateSeconds = seconds(t0);
  log(
    generated
      ? `[bench] generated a ledger of ${transfers.toLocaleString("en-US")} transfers in ${generateSeconds.toFixed(1)} s (kept for the next run)`
      : `[bench] reusing the ledger of ${transfers.toLocaleString("en-US")} transfers kept by a previous run (migrated to the latest schema)`,
  );
  const { checkMs, checkCpuMs, report } = await timeInvariants(url, 3, postgresPid);
  return { transfers: report.transfers, accounts: report.accounts, generated, generateSeconds, checkMs, checkCpuMs, report };
}
