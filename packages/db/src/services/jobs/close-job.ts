import { connectRefundPolicy } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { endJobProposals, type ProposalRefund } from "./end-job-proposals";
import { lockOwnedJob, nextJobStatus } from "./shared";
import { pendingOfferOnJob, pendingOfferRefusal } from "../contracts/offer-lifecycle";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const CloseJobInput = z.strictObject({ jobId: Id("job"), idempotencyKey: IdempotencyKey });
export type CloseJobInput = z.input<typeof CloseJobInput>;

export interface ClosedJob {
  jobId: string;
  status: string;
  proposalsClosed: number;
  connectsRefunded: number;
  refunds: ProposalRefund[];
}

/**
 * The owner closes an open job without hiring: every live proposal closes and gets back all the
 * connects it still holds, boost included, with the reason `refund_job_closed` (economy.md §2.5).
 */
export async function closeJob(prisma: PrismaClient, input: CloseJobInput & ActorCall): Promise<ClosedJob> {
  const data = parseCall(CloseJobInput, input);
  const { jobId, idempotencyKey, actorId, now } = data;
  const call: IdempotentCall = { operation: "job.close", userId: actorId, key: idempotencyKey, request: { jobId } };
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await requireActor(tx, data, "CLIENT", "close jobs");
        const job = await lockOwnedJob(tx, jobId, actorId);
        const status = nextJobStatus(job.status, "close");
        // An offer waiting for an answer may still hire (economy.md §3.7): it is answered or expires first.
        const pending = await pendingOfferOnJob(tx, jobId);
        if (pending) throw pendingOfferRefusal(pending, now, "you can close the job");
        const { settings } = await loadSettings(tx, now);
        const ended = await endJobProposals(tx, {
          job,
          endReason: "job_closed_without_hire",
          refund: connectRefundPolicy("job_closed_without_hire", settings),
          keyPrefix: scopedKey(call),
          now,
          reissueExpiryDays: settings.connectRefundReissueExpiryDays,
        });
        await tx.job.update({
          where: { id: jobId },
          data: { status, endedAt: now, endedReason: "closed_without_hire", auctionClosedAt: job.auctionClosedAt ?? now },
        });
        return { jobId, status, ...ended };
      },
      jsonCodec<ClosedJob>(),
    );
    return result;
  });
}
