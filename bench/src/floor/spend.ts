// The floor's proposal submission: the same spend transaction as `submitProposal`
// (packages/db/src/services/jobs/submit-proposal.ts), written by hand over `pg`.
// Same locks in the same order (idempotency key, the person's row FOR NO KEY UPDATE with the
// suspension read again, job, freelancer FOR UPDATE), same checks,
// same rows written: the proposal, one connect entry per lot taken, the lots'
// remaining, the job's proposal count and the idempotency record.
import { decodeTyped, hashRequest } from "@fairlance/db";
import type pg from "pg";
import { dbEnv } from "../env";

/**
 * A statement as `pg` takes it: under `name`, prepared once per connection, when the app prepares
 * its hot statements (FAIRLANCE_PREPARED_STATEMENTS, packages/db/src/prepared.ts), so that the floor
 * stays a floor; unnamed otherwise.
 */
export const floorStatement = (name: string, text: string, values: unknown[]): pg.QueryConfig =>
  dbEnv.FAIRLANCE_PREPARED_STATEMENTS === "1" ? { name: `floor_${name}`, text, values } : { text, values };

export interface SpendRequest {
  jobId: string;
  idempotencyKey: string;
  coverLetter: string;
  bidMinor: bigint;
  boostConnects: number;
}

export interface SpendResult {
  proposalId: string;
  jobId: string;
  invited: boolean;
  connectCost: number;
  boostConnects: number;
  connectsSpent: number;
  settingsVersion: number;
  submittedAt: string;
}

/** A refusal the caller can show (HTTP 4xx), as the service's DomainError. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OPERATION = "proposal.submit";
const DEFAULT_MAX_PROPOSALS_PER_JOB = 50;

/** The service's request hash (the idempotency module's own, over the same request fields). */
const requestHash = ({ jobId, coverLetter, bidMinor, boostConnects }: SpendRequest): string => hashRequest({ jobId, coverLetter, bidMinor, boostConnects });

interface Lot {
  id: string;
  remaining: number;
}

/** FIFO by expiry (the query orders the lots): which lots give how many connects. */
function planTakes(lots: readonly Lot[], connects: number): { lotId: string; connects: number }[] {
  const takes: { lotId: string; connects: number }[] = [];
  let left = connects;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, connects: take });
    left -= take;
  }
  return takes;
}

const JOB_SQL = `
  SELECT j.status, j."pausedAt" IS NOT NULL AS paused, j."proposalCount" AS count, coalesce(j."connectCost", 0) AS cost, j.title, j."settingsVersion" AS version,
         EXISTS (SELECT 1 FROM "Proposal" p WHERE p."jobId" = j.id AND p."freelancerId" = $2) AS proposed,
         EXISTS (SELECT 1 FROM "Invitation" i WHERE i."jobId" = j.id AND i."freelancerId" = $2) AS invited,
         coalesce((SELECT (s.value #>> '{}')::int FROM "SettingVersion" s WHERE s.key = 'maxProposalsPerJob' AND s."effectiveFrom" <= $3
                   ORDER BY s."effectiveFrom" DESC, s.id DESC LIMIT 1), ${DEFAULT_MAX_PROPOSALS_PER_JOB}) AS cap,
         (SELECT coalesce(max(s.id), 0) FROM "SettingVersion" s WHERE s."effectiveFrom" <= $3) AS "latestVersion"
  FROM "Job" j WHERE j.id = $1 FOR UPDATE OF j`;

// One statement writes the proposal, the entries, the lots, the job and the idempotency record.
const WRITE_SQL = `
  WITH p AS (
    INSERT INTO "Proposal" (id, "jobId", "freelancerId", "coverLetter", "bidMinor", invited, "connectCost", "boostConnects", "submittedAt")
    VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
  ), takes AS (
    SELECT * FROM unnest($9::uuid[], $10::int[], $11::text[], $12::text[]) AS t(lot_id, n, reason, key)
  ), lots AS (
    UPDATE "ConnectLot" l SET remaining = l.remaining - t.n
    FROM (SELECT lot_id, sum(n)::int AS n FROM takes GROUP BY lot_id) t WHERE l.id = t.lot_id AND l.remaining >= t.n RETURNING l.id
  ), entries AS (
    INSERT INTO "ConnectEntry" ("userId", "lotId", kind, delta, reason, note, "proposalId", "jobId", "idempotencyKey", "createdAt")
    SELECT $2, t.lot_id, 'SPEND', -t.n, t.reason, $13, p.id, $1, t.key, $8 FROM takes t, p
  ), job AS (
    UPDATE "Job" SET "proposalCount" = "proposalCount" + 1, "lastActivityAt" = $8, "updatedAt" = now() WHERE id = $1
  ), record AS (
    INSERT INTO "IdempotencyRecord" (key, "userId", operation, "requestHash", result)
    SELECT $14, $2, '${OPERATION}', $15, jsonb_build_object('json', jsonb_build_object(
      'proposalId', p.id, 'jobId', $1::text, 'invited', $5::boolean, 'connectCost', $6::int, 'boostConnects', $7::int,
      'connectsSpent', $6::int + $7::int, 'settingsVersion', $16::int, 'submittedAt', to_char($8::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
      'meta', '{"values":{"submittedAt":["Date"]},"v":1}'::jsonb)
    FROM p
  )
  SELECT p.id, (SELECT count(*) FROM lots)::int AS "lotsTaken" FROM p`;

/**
 * Submits a proposal for `freelancerId` in one transaction. A replay with the same key
 * returns the first result; the same key with another request is refused.
 */
export async function submitProposalFloor(pool: pg.Pool, freelancerId: string, request: SpendRequest, now: Date): Promise<SpendResult> {
  const client = await pool.connect();
  const key = `${OPERATION}:${freelancerId}:${request.idempotencyKey}`;
  const hash = requestHash(request);
  try {
    await client.query("BEGIN");
    try {
      await client.query(floorStatement("lock", "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]));
      const existing = await client.query<{ requestHash: string; result: unknown }>(
        floorStatement("record", `SELECT "requestHash", result FROM "IdempotencyRecord" WHERE key = $1`, [key]),
      );
      if (existing.rows[0]) {
        await client.query("COMMIT");
        if (existing.rows[0].requestHash !== hash) throw new Refusal(409, "IDEMPOTENCY_KEY_REUSED", "This request key was already used for a different request.");
        // Stored in the typed encoding, as the service stores it.
        const stored = decodeTyped<Omit<SpendResult, "submittedAt"> & { submittedAt: Date }>(existing.rows[0].result);
        return { ...stored, submittedAt: stored.submittedAt.toISOString() };
      }

      // The service's requireActor(…, { active: true }): the person's row locked FOR NO KEY UPDATE and the suspension read again.
      const actor = await client.query<{ suspendedAt: Date | null }>(
        floorStatement("actor", `SELECT "suspendedAt" FROM "User" WHERE id = $1 FOR NO KEY UPDATE`, [freelancerId]),
      );
      if (!actor.rows[0]) throw new Refusal(404, "NOT_FOUND", "Your account no longer exists. Sign in again.");
      if (actor.rows[0].suspendedAt) throw new Refusal(403, "ACCOUNT_SUSPENDED", "Your account is under review, so you cannot send proposals.");
      const jobs = await client.query<{
        status: string;
        paused: boolean;
        count: number;
        cost: number;
        title: string;
        version: number | null;
        proposed: boolean;
        invited: boolean;
        cap: number;
        latestVersion: number;
      }>(floorStatement("job", JOB_SQL, [request.jobId, freelancerId, now]));
      const job = jobs.rows[0];
      if (!job || job.status === "DRAFT") throw new Refusal(404, "NOT_FOUND", "This job does not exist.");
      if (job.paused) throw new Refusal(409, "CONFLICT", "This job is paused.");
      if (job.status !== "OPEN") throw new Refusal(409, "JOB_NOT_OPEN", "This job is not taking proposals.");
      if (job.proposed) throw new Refusal(409, "DUPLICATE_PROPOSAL", "You have already sent a proposal for this job.");
      if (job.count >= job.cap) throw new Refusal(409, "PROPOSAL_CAP_REACHED", `This job already has ${job.cap} proposals.`);
      const baseConnects = job.invited ? 0 : job.cost;
      const total = baseConnects + request.boostConnects;

      await client.query(floorStatement("connects", `SELECT 1 FROM "User" WHERE id = $1 FOR UPDATE`, [freelancerId]));
      const lots = await client.query<Lot>(
        floorStatement("lots", `SELECT id, remaining FROM "ConnectLot" WHERE "userId" = $1 AND remaining > 0 AND "expiresAt" > $2 ORDER BY "expiresAt", id`, [freelancerId, now]),
      );
      const available = lots.rows.reduce((sum, lot) => sum + lot.remaining, 0);
      if (available < total) throw new Refusal(409, "INSUFFICIENT_CONNECTS", `This needs ${total} connects and you have ${available}.`);

      // The cost first, then the boost from what the cost left (as the service's two spends).
      const costTakes = planTakes(lots.rows, baseConnects);
      const left = lots.rows.map((lot) => ({ ...lot, remaining: lot.remaining - (costTakes.find((t) => t.lotId === lot.id)?.connects ?? 0) }));
      const boostTakes = planTakes(
        left.filter((lot) => lot.remaining > 0),
        request.boostConnects,
      );
      const takes = [
        ...costTakes.map((t) => ({ ...t, reason: "proposal_spend", key: `${key}:cost#${t.lotId}` })),
        ...boostTakes.map((t) => ({ ...t, reason: "boost_spend", key: `${key}:boost#${t.lotId}` })),
      ].filter((t) => t.connects > 0);
      const written = await client.query<{ id: string; lotsTaken: number }>(floorStatement("write", WRITE_SQL, [
        request.jobId,
        freelancerId,
        request.coverLetter,
        request.bidMinor.toString(),
        job.invited,
        baseConnects,
        request.boostConnects,
        now,
        takes.map((t) => t.lotId),
        takes.map((t) => t.connects),
        takes.map((t) => t.reason),
        takes.map((t) => t.key),
        `Job "${job.title}"`,
        key,
        hash,
        job.version ?? job.latestVersion,
      ]));
      const proposalId = written.rows[0]!.id;
      if (written.rows[0]!.lotsTaken !== new Set(takes.map((t) => t.lotId)).size) throw new Error("a connect lot changed underneath a locked spend");
      await client.query("COMMIT");
      return {
        proposalId,
        jobId: request.jobId,
        invited: job.invited,
        connectCost: baseConnects,
        boostConnects: request.boostConnects,
        connectsSpent: total,
        settingsVersion: job.version ?? job.latestVersion,
        submittedAt: now.toISOString(),
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
