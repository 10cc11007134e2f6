import { randomUUID } from "node:crypto";
import { TEXT_RULES, WHOLE_RULES, assertCanSubmitProposal, planSpend, proposalConnectCost } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { lockConnects, spendTakes } from "../../connects/connect-ledger";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { activityUpdate, JOB_PAUSED, jobNote, jobNotFound, lockJob } from "./shared";
import { DomainError } from "../../errors";
import { Bid, Text, WholeNumber } from "../fields";
import { requireActor, type ActorCall } from "../actor";
import { requireConfirmedEmail } from "../account/confirmed-email";
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
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await requireActor(tx, data, "FREELANCER", "send proposals", { active: true });
        const job = await lockJob(tx, jobId);
        if (job.status === "DRAFT") throw jobNotFound();
        if (job.pausedAt) throw new DomainError("CONFLICT", JOB_PAUSED);
        const { settings, version } = await loadSettings(tx, now);
        await requireConfirmedEmail(tx, actorId, "propose", settings);
        // One round trip for both: has this freelancer proposed, and were they invited?
        const [ties] = await tx.$queryRaw<{ proposed: boolean; invited: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM "Proposal" WHERE "jobId" = ${jobId}::uuid AND "freelancerId" = ${actorId}::uuid) AS proposed,
                 EXISTS (SELECT 1 FROM "Invitation" WHERE "jobId" = ${jobId}::uuid AND "freelancerId" = ${actorId}::uuid) AS invited`;
        assertCanSubmitProposal({
          jobStatus: job.status === "OPEN" ? "open" : "closed",
          alreadyProposed: ties!.proposed,
          proposalCount: job.proposalCount,
          settings,
        });
        const invited = ties!.invited;
        const cost = proposalConnectCost({ jobConnectCost: job.connectCost ?? 0, boostConnects: offer.boostConnects, invited });
        // The freelancer's row before the proposal's foreign key touches it: no lock upgrade, no deadlock.
        await lockConnects(tx, actorId);
        // Checked for the total first, so the refusal names the whole price, not the boost's part.
        const lots = await tx.connectLot.findMany({ where: { userId: actorId, remaining: { gt: 0 } }, select: { id: true, expiresAt: true, remaining: true } });
        planSpend(lots, cost.totalConnects, now);
        // The lots are locked (lockConnects): the cost, then the boost from what the cost left.
        const costTakes = planSpend(lots, cost.baseConnects, now);
        const left = lots.map((lot) => ({ ...lot, remaining: lot.remaining - (costTakes.find((take) => take.lotId === lot.id)?.connects ?? 0) }));
        const boostTakes = planSpend(left, cost.boostConnects, now);
        // One statement writes what the proposal changes: the proposal, the lots' remaining and one
        // SPEND entry per lot taken (the cost's, then the boost's; takeFromLots' rows and keys), and
        // the job's count with its activity (activityUpdate decides) and its updatedAt (the clock time,
        // as Prisma's @updatedAt sets it). Every row it touches is
        // locked already (the job, the freelancer and so their lots).
        const proposalId = randomUUID();
        const takes = [
          ...spendTakes(costTakes, `${scopedKey(call)}:cost`, "proposal_spend"),
          ...spendTakes(boostTakes, `${scopedKey(call)}:boost`, "boost_spend"),
        ];
        const activity = activityUpdate("proposal_received", job, now).lastActivityAt?.toISOString() ?? null;
        const at = now.toISOString();
        const [written] = await tx.$queryRaw<{ lotsTaken: number }[]>`
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
          )
          SELECT (SELECT count(*) FROM lots)::int AS "lotsTaken"`;
        if (written!.lotsTaken !== new Set(takes.map((t) => t.lotId)).size) throw new Error(`A connect lot changed underneath a locked operation`);
        const proposal = { id: proposalId, invited };
        // The proposal answers the invitation (under the job's lock, as declining it is): accepted.
        if (invited) {
          await tx.invitation.updateMany({ where: { jobId, freelancerId: actorId, status: "PENDING" }, data: { status: "ACCEPTED", respondedAt: now } });
        }
        return {
          proposalId: proposal.id,
          jobId,
          invited: proposal.invited,
          connectCost: cost.baseConnects,
          boostConnects: cost.boostConnects,
          connectsSpent: cost.totalConnects,
          settingsVersion: job.settingsVersion ?? version,
          submittedAt: now,
        };
      },
      jsonCodec<SubmittedProposal>(),
    );
    return result;
  });
}
