import { transitionJob } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { lockCounterpart, requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { interactionUpdate, nextProposalStatus, PROPOSAL_PAUSED, recordInteractionActivity } from "../jobs/shared";
import { lockRow, ruleStatus } from "./access";
import { createOfferedContract, HireTerms, type ContractOffer } from "./contract-terms";
import { pendingOfferOnJob, pendingOfferRefusal } from "./offer-lifecycle";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const HireProposalInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  proposalId: Id("proposal"),
  terms: HireTerms,
});
export type HireProposalInput = z.input<typeof HireProposalInput>;

/**
 * The client sends an offer from one live proposal of their open job (economy.md §3.7): an offered
 * contract is made, expiring `offerExpiryDays` after now, and the proposal waits for the
 * freelancer's answer (OFFERED). The job stays open and its other proposals are untouched: the
 * hire, the other proposals' ending and the boost auction's close happen when the freelancer
 * accepts (acceptOffer). One offer at a time per job: a second one is refused while the first
 * waits for an answer.
 */
export async function hireProposal(prisma: PrismaClient, input: HireProposalInput & ActorCall): Promise<ContractOffer> {
  const data = parseCall(HireProposalInput, input);
  const { now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "hire freelancers", { active: true });
    const call: IdempotentCall = { operation: "contract.hire", userId: data.actorId, key: data.idempotencyKey, request: { proposalId: data.proposalId, terms: data.terms } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const found = await tx.proposal.findUnique({ where: { id: data.proposalId }, select: { jobId: true } });
        // Offers on one job queue on the job row, so only one is ever out at a time.
        if (found) await lockRow(tx, "Job", found.jobId);
        const proposal = await tx.proposal.findUnique({
          where: { id: data.proposalId },
          select: { id: true, status: true, freelancerId: true, bidMinor: true, pausedAt: true, boostConnects: true, boostSettledAt: true, boostRefunded: true, clientInteractedAt: true, job: { select: { id: true, clientId: true, status: true, type: true, title: true } } },
        });
        if (!proposal || proposal.job.clientId !== data.actorId) throw new DomainError("NOT_FOUND", "This proposal does not exist.");
        // Ordered against a suspension of the freelancer (economy.md §5.3): it waits for this offer, or this offer sees it.
        const freelancer = await lockCounterpart(tx, proposal.freelancerId);
        if (freelancer?.suspended || proposal.pausedAt) throw new DomainError("CONFLICT", PROPOSAL_PAUSED);
        const { job } = proposal;
        transitionJob(ruleStatus(job.status), "hire");
        const pending = await pendingOfferOnJob(tx, job.id);
        if (pending) throw pendingOfferRefusal(pending, now, "you can send another offer");
        const status = nextProposalStatus(proposal.status, "offer");
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
        await tx.proposal.update({ where: { id: proposal.id }, data: { status, statusBeforeOffer: proposal.status, ...interactionUpdate("offered", proposal, now) } });
        await recordInteractionActivity(tx, job, "offered", now);
        return offer;
      },
      jsonCodec<ContractOffer>(),
    );
    return result;
  });
}
