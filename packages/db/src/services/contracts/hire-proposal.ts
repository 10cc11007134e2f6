import { transitionJob, transitionProposal } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { lockRow, ruleStatus } from "./access";
import { createOfferedContract, HireTerms, type ContractOffer } from "./contract-terms";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const HireProposalInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  proposalId: Id("proposal"),
  terms: HireTerms,
});
export type HireProposalInput = z.input<typeof HireProposalInput>;

const LIVE = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"] as const;

/**
 * The client hires one live proposal of their open job (economy.md §3.1): an offered contract is made,
 * the proposal is hired, the job filled, the other live proposals closed (their connects are not
 * refunded: another freelancer was hired, economy.md §2.5) and the boost auction closes now.
 */
export async function hireProposal(prisma: PrismaClient, input: HireProposalInput & ActorCall): Promise<ContractOffer> {
  const data = parseCall(HireProposalInput, input);
  const { now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "hire freelancers");
    const call: IdempotentCall = { operation: "contract.hire", userId: data.actorId, key: data.idempotencyKey, request: { proposalId: data.proposalId, terms: data.terms } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const found = await tx.proposal.findUnique({ where: { id: data.proposalId }, select: { jobId: true } });
        // Hires of one job queue on the job row, so only one proposal is ever hired.
        if (found) await lockRow(tx, "Job", found.jobId);
        const proposal = await tx.proposal.findUnique({
          where: { id: data.proposalId },
          select: { id: true, status: true, freelancerId: true, bidMinor: true, job: { select: { id: true, clientId: true, status: true, type: true, title: true, auctionClosesAt: true } } },
        });
        if (!proposal || proposal.job.clientId !== data.actorId) throw new DomainError("NOT_FOUND", "This proposal does not exist.");
        const { job } = proposal;
        transitionJob(ruleStatus(job.status), "hire");
        transitionProposal(ruleStatus(proposal.status), "hire");
        if (data.terms.type !== job.type) {
          throw new DomainError("INVALID_REQUEST", `This is ${job.type === "FIXED" ? "a fixed-price" : "an hourly"} job: offer ${job.type === "FIXED" ? "milestones" : "a weekly limit"}.`);
        }
        const offer = await createOfferedContract(tx, {
          clientId: data.actorId,
          freelancerId: proposal.freelancerId,
          title: job.title,
          jobId: job.id,
          proposalId: proposal.id,
          terms: data.terms.type === "FIXED" ? data.terms : { ...data.terms, hourlyRateMinor: proposal.bidMinor },
          now,
        });
        await tx.proposal.update({ where: { id: proposal.id }, data: { status: "HIRED", endedAt: now, endedReason: "hired", clientInteractedAt: now } });
        await tx.proposal.updateMany({
          where: { jobId: job.id, id: { not: proposal.id }, status: { in: [...LIVE] } },
          data: { status: "CLOSED", endedAt: now, endedReason: "other_freelancer_hired" },
        });
        const auctionClosesAt = job.auctionClosesAt && job.auctionClosesAt.getTime() < now.getTime() ? job.auctionClosesAt : now;
        await tx.job.update({
          where: { id: job.id },
          data: { status: "HIRED", endedAt: now, endedReason: "hired", lastActivityAt: now, auctionClosesAt },
        });
        return offer;
      },
      jsonCodec<ContractOffer>(),
    );
    return result;
  });
}
