import { connectRefundPolicy, isJobExpiryDue, jobIdleCutoff } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { endJobProposals } from "./end-job-proposals";
import { lockJob, nextJobStatus } from "./shared";
import type { SystemCall } from "../actor";

export interface ExpiredJob {
  jobId: string;
  proposalsClosed: number;
  connectsRefunded: number;
}

/**
 * Time-driven (economy.md §3.1): open jobs with no activity for `jobExpiryDays` expire and their live
 * proposals close; a job with an offer waiting for an answer does not. What counts as activity is
 * the rules' `JOB_ACTIVITIES`, recorded in `lastActivityAt` by each action; the moment is
 * `isJobExpiryDue`, the same rule the client's job pages show the expiry date with. Connects come back only under the optional rule (economy.md §2.5) and when no
 * proposal on the job was ever viewed. One transaction per job; running it again for the same
 * `now` finds nothing left to expire.
 */
export async function expireJobs(prisma: PrismaClient, call: SystemCall): Promise<ExpiredJob[]> {
  const { now } = call;
  const { settings } = await loadSettings(prisma, now);
  const due = await prisma.job.findMany({
    // A job with an offer waiting for an answer is not idle (economy.md §3.7): the offer is answered or expires first.
    where: { status: "OPEN", lastActivityAt: { lte: jobIdleCutoff(now, settings) }, contracts: { none: { status: "OFFERED" } } },
    orderBy: { lastActivityAt: "asc" },
    select: { id: true },
  });
  const expired: ExpiredJob[] = [];
  for (const { id } of due) {
    const result = await runTransaction(prisma, async (tx) => {
      const job = await lockJob(tx, id);
      const { settings: inForce } = await loadSettings(tx, now);
      // Re-checked under the lock: the job may have been closed or had activity since the scan.
      const offerWaiting = (await tx.contract.count({ where: { jobId: id, status: "OFFERED" } })) > 0;
      if (job.status !== "OPEN" || !job.lastActivityAt || !isJobExpiryDue({ status: "open", lastActivityAt: job.lastActivityAt, offerWaiting }, now, inForce)) {
        return null;
      }
      const anyProposalViewed = (await tx.proposal.count({ where: { jobId: id, viewedAt: { not: null } } })) > 0;
      const ended = await endJobProposals(tx, {
        job,
        endReason: "job_expired",
        refund: connectRefundPolicy("job_expired", inForce, { anyProposalViewed }),
        keyPrefix: scopedKey({ operation: "job.expire", userId: null, key: id }),
        now,
        reissueExpiryDays: inForce.connectRefundReissueExpiryDays,
      });
      await tx.job.update({
        where: { id },
        data: {
          status: nextJobStatus(job.status, "expire"),
          endedAt: now,
          endedReason: "expired_without_activity",
        },
      });
      return { jobId: id, proposalsClosed: ended.proposalsClosed, connectsRefunded: ended.connectsRefunded };
    });
    if (result) expired.push(result);
  }
  return expired;
}
