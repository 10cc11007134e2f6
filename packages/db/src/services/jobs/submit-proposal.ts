import { randomUUID } from "node:crypto";
import { TEXT_RULES, WHOLE_RULES, assertCanSubmitProposal, planSpend, proposalConnectCost } from "@fairlance/rules";
import { z } from "zod";
import type { Job, PrismaClient, Role } from "../../client";
import { spendTakes } from "../../connects/connect-ledger";
import { IdempotencyKey, idempotentInline, jsonCodec, scopedKey, type IdempotentCall, type StoredRecord } from "../../idempotency";
import { settingRowsJson, settingsFromRows, type SettingRowJson } from "../../settings/load-settings";
import { prepared } from "../../prepared";
import { runSqlTransaction } from "../../transaction";
import { activityUpdate, JOB_COLUMNS, JOB_PAUSED, jobNote, jobNotFound } from "./shared";
import { DomainError } from "../../errors";
import { Bid, Text, WholeNumber } from "../fields";
import { accountGone, checkActor, type Actor, type ActorCall } from "../actor";
import { assertConfirmedEmail } from "../account/confirmed-email";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const SubmitProposalInput = z.strictObject({
  jobId: Id("job"),
  idempotencyKey: IdempotencyKey,
  coverLetter: Text(TEXT_RULES.coverLetter),
  /** Fixed price: the amount bid; hourly: the hourly rate. */
  bidMinor: Bid.positive("Your bid must be above $0.00."),
  boostConnects: WholeNumber(WHOLE_RULES.boostConnects).default(0),
});
export type SubmitProposalInput = z.input<typeof SubmitProposalInput>;

export interface SubmittedProposal {
  proposalId: string;
  jobId: string;
  invited: boolean;
  connectCost: number;
  boostConnects: number;
  connectsSpent: number;
  /** The settings version the job's connect cost was priced under (the proposal pays that cost). */
  settingsVersion: number;
  submittedAt: Date;
}

/** The freelancer's columns in the lock statement (null when they no longer exist). */
interface LockedActor {
  actorId: string | null;
  actorName: string;
  actorRole: Role;
  actorSuspendedAt: Date | null;
  actorSuspendedReason: string | null;
}

const lockedActor = (row: LockedActor | undefined): Actor | null =>
  row?.actorId
    ? { id: row.actorId, name: row.actorName, role: row.actorRole, suspendedAt: row.actorSuspendedAt, suspendedReason: row.actorSuspendedReason }
    : null;

/**
 * A freelancer proposes on an open job (economy.md §2.3, §2.4): the job's cost (0 when invited) and any
 * boost are spent atomically with creating the proposal. The job row is locked first, so the
 * per-job cap holds under concurrency; then the freelancer's connects, so two submissions never
 * spend the same connect. With too few connects nothing changes (INSUFFICIENT_CONNECTS). A pending
 * invitation to the job is accepted by the proposal, in the same transaction.
 */
export async function submitProposal(prisma: PrismaClient, input: SubmitProposalInput & ActorCall): Promise<SubmittedProposal> {
  const data = parseCall(SubmitProposalInput, input);
  const { jobId, idempotencyKey, actorId, now, actor: _actor, ...offer } = data;
  const call: IdempotentCall = { operation: "proposal.submit", userId: actorId, key: idempotencyKey, request: { jobId, ...offer } };
  return runSqlTransaction(prisma, async (tx) => {
    const { result } = await idempotentInline(
      call,
      async (key) => {
        // Three statements: the locks, the reads, the write. The first takes, in this order, the
        // key's lock, the freelancer's row FOR NO KEY UPDATE (requireActor's lock, with the columns
        // it checks: the values after any wait, as a locked row's are) and the job's row FOR UPDATE
        // (lockJob's). Each part reads a column of the one before, so it runs after it.
        const [locked] = await tx.$queryRaw<(Job & LockedActor)[]>(prepared`
          SELECT u."actorId", u."actorName", u."actorRole", u."actorSuspendedAt", u."actorSuspendedReason", j.*
          FROM (SELECT ${key.lock}::text AS locked) k
          LEFT JOIN LATERAL (
            SELECT id AS "actorId", name AS "actorName", role AS "actorRole", "suspendedAt" AS "actorSuspendedAt", "suspendedReason" AS "actorSuspendedReason", k.locked
            FROM "User" WHERE id = ${actorId}::uuid FOR NO KEY UPDATE) u ON true
          LEFT JOIN LATERAL (SELECT ${JOB_COLUMNS} FROM "Job" WHERE id = ${jobId}::uuid AND u.locked IS NOT DISTINCT FROM k.locked FOR UPDATE) j ON true`);
        // The second statement, with a snapshot taken after those locks were granted, reads the key's
        // record (a replay returns it, whatever has changed since) and the rest: has this freelancer
        // proposed, were they invited, their email, the settings in force (loadSettings' rows) and
        // their connect lots. It locks the freelancer's row FOR UPDATE (lockConnects' lock, which
        // every change to a person's connects takes), before the proposal's foreign key touches it:
        // no lock upgrade, no deadlock. Should it wait for that lock, its reads use the snapshot taken
        // before the wait, and that is enough here: the key's record is written only under the key's
        // lock, every proposal and invitation of this job under the job's lock, and every change to
        // these connect lots under lockConnects' lock, which waits for the FOR NO KEY UPDATE above; a
        // setting or a confirmation committed during the wait applies from the next operation, as if
        // it had come a moment later.
        const [read] = await tx.$queryRaw<
          {
            stored: StoredRecord | null;
            proposed: boolean | null;
            invited: boolean;
            email: string;
            emailVerifiedAt: Date | null;
            settings: SettingRowJson[];
            lots: { id: string; remaining: number; expiresAtMs: number }[];
          }[]
        >(prepared`
          SELECT ${key.stored} AS stored, s.* FROM (SELECT 1) one LEFT JOIN LATERAL (
            SELECT EXISTS (SELECT 1 FROM "Proposal" p WHERE p."jobId" = ${jobId}::uuid AND p."freelancerId" = u.id) AS proposed,
                   EXISTS (SELECT 1 FROM "Invitation" i WHERE i."jobId" = ${jobId}::uuid AND i."freelancerId" = u.id) AS invited,
                   u.email, u."emailVerifiedAt", ${settingRowsJson(now)} AS settings,
                   (SELECT coalesce(json_agg(json_build_object('id', l.id, 'remaining', l.remaining, 'expiresAtMs', (extract(epoch FROM l."expiresAt") * 1000)::bigint)), '[]'::json)
                    FROM "ConnectLot" l WHERE l."userId" = u.id AND l.remaining > 0) AS lots
            FROM (SELECT id, email, "emailVerifiedAt" FROM "User" WHERE id = ${actorId}::uuid FOR UPDATE) u) s ON true`);
        const replay = key.replay(read!.stored);
        if (replay) return replay.result;
        // requireActor's checks and lockJob's, then the rest, in their order.
        checkActor(lockedActor(locked), "FREELANCER", "send proposals", { active: true });
        const job = locked?.id ? (locked as Job) : null;
        if (!job || job.status === "DRAFT") throw jobNotFound();
        if (job.pausedAt) throw new DomainError("CONFLICT", JOB_PAUSED);
        const state = read!;
        if (state.proposed === null) throw accountGone();
        const { settings, version } = settingsFromRows(state.settings, now);
        assertConfirmedEmail(state, "propose", settings);
        assertCanSubmitProposal({
          jobStatus: job.status === "OPEN" ? "open" : "closed",
          alreadyProposed: state.proposed,
          proposalCount: job.proposalCount,
          settings,
        });
        const invited = state.invited;
        const cost = proposalConnectCost({ jobConnectCost: job.connectCost ?? 0, boostConnects: offer.boostConnects, invited });
        const lots = state.lots.map((lot) => ({ id: lot.id, remaining: lot.remaining, expiresAt: new Date(Number(lot.expiresAtMs)) }));
        // Checked for the total first, so the refusal names the whole price, not the boost's part.
        planSpend(lots, cost.totalConnects, now);
        // The lots are locked (lockConnects): the cost, then the boost from what the cost left.
        const costTakes = planSpend(lots, cost.baseConnects, now);
        const left = lots.map((lot) => ({ ...lot, remaining: lot.remaining - (costTakes.find((take) => take.lotId === lot.id)?.connects ?? 0) }));
        const boostTakes = planSpend(left, cost.boostConnects, now);
        const proposalId = randomUUID();
        const result: SubmittedProposal = {
          proposalId,
          jobId,
          invited,
          connectCost: cost.baseConnects,
          boostConnects: cost.boostConnects,
          connectsSpent: cost.totalConnects,
          settingsVersion: job.settingsVersion ?? version,
          submittedAt: now,
        };
        // One statement writes what the proposal changes: the proposal, the lots' remaining and one
        // SPEND entry per lot taken (the cost's, then the boost's; takeFromLots' rows and keys), the
        // job's count with its activity (activityUpdate decides) and its updatedAt (the clock time,
        // as Prisma's @updatedAt sets it), a pending invitation to the job accepted (the proposal
        // answers it, under the job's lock, as declining it is), and the idempotency record. Every
        // row it touches is locked already (the job, the freelancer and so their lots).
        const takes = [
          ...spendTakes(costTakes, `${scopedKey(call)}:cost`, "proposal_spend"),
          ...spendTakes(boostTakes, `${scopedKey(call)}:boost`, "boost_spend"),
        ];
        const activity = activityUpdate("proposal_received", job, now).lastActivityAt?.toISOString() ?? null;
        const at = now.toISOString();
        const [written] = await tx.$queryRaw<{ lotsTaken: number }[]>(prepared`
          WITH proposal AS (
            INSERT INTO "Proposal" (id, "jobId", "freelancerId", "coverLetter", "bidMinor", invited, "connectCost", "boostConnects", "submittedAt")
            VALUES (${proposalId}::uuid, ${jobId}::uuid, ${actorId}::uuid, ${offer.coverLetter}, ${offer.bidMinor}::bigint, ${invited}, ${cost.baseConnects}::int,
                    ${cost.boostConnects}::int, ${at}::timestamptz)
            RETURNING id
          ), takes AS (
            SELECT * FROM unnest(${takes.map((t) => t.lotId)}::uuid[], ${takes.map((t) => t.connects)}::int[], ${takes.map((t) => t.reason)}::text[],
                                 ${takes.map((t) => t.key)}::text[]) WITH ORDINALITY AS t("lotId", connects, reason, key, ord)
          ), lots AS (
            UPDATE "ConnectLot" l SET remaining = l.remaining - t.connects
            FROM (SELECT "lotId", sum(connects)::int AS connects FROM takes GROUP BY "lotId") t
            WHERE l.id = t."lotId" AND l.remaining >= t.connects
            RETURNING l.id
          ), entries AS (
            INSERT INTO "ConnectEntry" ("userId", "lotId", kind, delta, reason, note, "proposalId", "jobId", "idempotencyKey", "createdAt")
            SELECT ${actorId}::uuid, t."lotId", 'SPEND', -t.connects, t.reason, ${jobNote(job)}, proposal.id, ${jobId}::uuid, t.key, ${at}::timestamptz
            FROM takes t CROSS JOIN proposal ORDER BY t.ord
          ), job AS (
            UPDATE "Job" SET "proposalCount" = "proposalCount" + 1, "lastActivityAt" = coalesce(${activity}::timestamptz, "lastActivityAt"),
                             "updatedAt" = ${new Date().toISOString()}::timestamptz
            WHERE id = ${jobId}::uuid
          ), invitation AS (
            UPDATE "Invitation" SET status = 'ACCEPTED', "respondedAt" = ${at}::timestamptz
            WHERE ${invited}::boolean AND "jobId" = ${jobId}::uuid AND "freelancerId" = ${actorId}::uuid AND status = 'PENDING'
          ), record AS (
            ${key.record(result)}
          )
          SELECT (SELECT count(*) FROM lots)::int AS "lotsTaken"`);
        if (written!.lotsTaken !== new Set(takes.map((t) => t.lotId)).size) throw new Error(`A connect lot changed underneath a locked operation`);
        return result;
      },
      jsonCodec<SubmittedProposal>(),
    );
    return result;
  });
}
