import { TEXT_RULES, connectRefundPolicy } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import type { Operation } from "../../operations";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { writeAudit } from "../connects/audit";
import { endJobProposals } from "./end-job-proposals";
import type { ClosedJob } from "./close-job";
import { lockJob, nextJobStatus } from "./shared";
import { Text } from "../fields";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { refundToCards, type CardRefundOutcome, type CardRefundPlan } from "../contracts/escrow";
import { endOfferWithoutHire, lockOffer, pendingOfferOnJob } from "../contracts/offer-lifecycle";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const RemoveJobInput = z.strictObject({
  jobId: Id("job"),
  idempotencyKey: IdempotencyKey,
  reason: Text(TEXT_RULES.removeJobReason),
});
export type RemoveJobInput = z.input<typeof RemoveJobInput>;

/**
 * An admin removes an open job for breaking the rules: its live proposals close and every
 * proposal on it — withdrawn and declined ones too, since the job should never have taken their
 * connects — gets back everything it still holds, reason `refund_job_removed` (economy.md §2.5, §6).
 * An offer on it still waiting for an answer is withdrawn first (its contract declined, escrow funded
 * on it refunded to the client's card after the commit, economy.md §3.3), so its proposal closes and
 * is refunded like the others. Audit-logged with the admin's reason.
 */
export async function removeJob(
  prisma: PrismaClient,
  input: RemoveJobInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<ClosedJob & { cardRefunds: CardRefundOutcome[] }> {
  const data = parseCall(RemoveJobInput, input);
  const { jobId, idempotencyKey, reason, actorId, now } = data;
  const call: IdempotentCall = { operation: "job.remove", userId: actorId, key: idempotencyKey, request: { jobId, reason } };
  const stored = await runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await requireActor(tx, data, "ADMIN", "remove jobs");
        return removeJobWithin(tx, { jobId, reason, actorId, now, keyPrefix: scopedKey(call), operation: "job.remove" });
      },
      jsonCodec<ClosedJob & { offerRefunds?: CardRefundPlan[] }>(),
    );
    return result;
  });
  // Results stored before offers were withdrawn here have no offerRefunds.
  const { offerRefunds = [], ...closed } = stored;
  return { ...closed, cardRefunds: await refundToCards(prisma, deps.gateway ?? getGateway(), offerRefunds, "An admin removed the job while an offer on it waited.") };
}

/**
 * The removal itself, inside the caller's transaction (removeJob, and the reports queue's "remove",
 * economy.md §5.2): returns what closed and the card refunds to make after the commit
 * (`refundToCards`). `keyPrefix` is unique per operation: connect entries are keyed under it.
 */
export async function removeJobWithin(
  tx: Tx,
  input: { jobId: string; reason: string; actorId: string; now: Date; keyPrefix: string; operation: Operation },
): Promise<ClosedJob & { offerRefunds: CardRefundPlan[] }> {
  const { jobId, reason, actorId, now, keyPrefix, operation } = input;
  const job = await lockJob(tx, jobId);
  const status = nextJobStatus(job.status, "remove");
  const { settings } = await loadSettings(tx, now);
  const pending = await pendingOfferOnJob(tx, jobId);
  const offer = pending ? await lockOffer(tx, pending.id) : null;
  const withdrawn = offer
    ? await endOfferWithoutHire(tx, { offer, event: "decline", reason: "job_removed", now, key: `${keyPrefix}:offer`, operation, userId: actorId })
    : null;
  const ended = await endJobProposals(tx, {
    job,
    endReason: "job_removed_by_admin",
    refund: connectRefundPolicy("job_removed_by_admin", settings),
    keyPrefix,
    now,
    reissueExpiryDays: settings.connectRefundReissueExpiryDays,
    alsoEnded: true,
  });
  await tx.job.update({
    where: { id: jobId },
    data: { status, endedAt: now, endedReason: `removed: ${reason}`, auctionClosedAt: job.auctionClosedAt ?? now },
  });
  await writeAudit(tx, {
    actorId,
    action: "job.remove",
    targetType: "Job",
    targetId: jobId,
    before: { status: job.status, proposalCount: job.proposalCount },
    after: { status, proposalsClosed: ended.proposalsClosed, connectsRefunded: ended.connectsRefunded, ...(offer ? { offerWithdrawn: offer.id } : {}) },
    reason,
    now,
  });
  return { jobId, status, ...ended, offerRefunds: withdrawn?.refunds ?? [] };
}
