import { connectRefundPolicy, formatUtcMoment, minDate, reopenProposal } from "@fairlance/rules";
import type { Prisma, Tx } from "../../client";
import { DomainError } from "../../errors";
import type { Operation } from "../../operations";
import { loadSettings } from "../../settings/load-settings";
import { endJobProposals } from "../jobs/end-job-proposals";
import { lockJob, nextJobStatus, nextProposalStatus, recordJobActivity } from "../jobs/shared";
import { CONTRACT_MONEY_FIELDS, lockRow, nextContractStatus, ruleStatus } from "./access";
import { closeEscrow, type ClosedEscrow } from "./close-escrow";

/** What accepting, declining and expiring an offer read from its contract. */
export const OFFER_FIELDS = { ...CONTRACT_MONEY_FIELDS, jobId: true, proposalId: true, offerExpiresAt: true } as const satisfies Prisma.ContractSelect;
export type LockedOffer = Prisma.ContractGetPayload<{ select: typeof OFFER_FIELDS }>;

/**
 * Locks an offer's job (when it has one), then the contract: the lock order of hiring, accepting,
 * declining and expiring, so that they queue on the job and never deadlock. Null when it does not
 * exist.
 */
export async function lockOffer(tx: Tx, contractId: string): Promise<LockedOffer | null> {
  const found = await tx.contract.findUnique({ where: { id: contractId }, select: { jobId: true } });
  if (!found) return null;
  if (found.jobId) await lockRow(tx, "Job", found.jobId);
  await lockRow(tx, "Contract", contractId);
  return tx.contract.findUnique({ where: { id: contractId }, select: OFFER_FIELDS });
}

/**
 * The offer out on a job, if any (economy.md §3.7: one at a time). Call with the job locked.
 */
export async function pendingOfferOnJob(tx: Tx, jobId: string) {
  return tx.contract.findFirst({
    where: { jobId, status: "OFFERED" },
    select: { id: true, offerExpiresAt: true, freelancer: { select: { name: true } } },
  });
}

/** The sentence that refuses what a job's pending offer blocks (a second offer, closing the job). */
export function pendingOfferRefusal(offer: { offerExpiresAt: Date; freelancer: { name: string } }, now: Date, what: string): DomainError {
  const waiting =
    now.getTime() >= offer.offerExpiresAt.getTime()
      ? `Your offer to ${offer.freelancer.name} on this job expired on ${formatUtcMoment(offer.offerExpiresAt)} and is being withdrawn; try again in a few minutes.`
      : `Your offer to ${offer.freelancer.name} on this job is waiting for an answer until ${formatUtcMoment(offer.offerExpiresAt)}; ${what} once it is declined or expires.`;
  return new DomainError("CONFLICT", waiting, { pendingOffer: true });
}

/**
 * The freelancer accepted an offer made from a proposal (economy.md §3.7): only now is the proposal
 * hired and the job filled; the other live proposals close ("another freelancer was hired": no
 * connects back, economy.md §2.5) and the boost auction closes now (settled by the runner,
 * economy.md §2.3). Call with the job and the contract locked (`lockOffer`).
 */
export async function hireAtAcceptance(tx: Tx, input: { offer: LockedOffer; now: Date; keyPrefix: string }): Promise<void> {
  const { offer, now } = input;
  if (!offer.proposalId || !offer.jobId) return;
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: offer.proposalId }, select: { id: true, status: true } });
  // An offer sent before hiring waited for the answer already hired the proposal and filled the job.
  if (proposal.status === "HIRED") return;
  const job = await lockJob(tx, offer.jobId);
  const status = nextJobStatus(job.status, "hire");
  await tx.proposal.update({
    where: { id: proposal.id },
    data: { status: nextProposalStatus(proposal.status, "hire"), statusBeforeOffer: null, endedAt: now, endedReason: "hired" },
  });
  const { settings } = await loadSettings(tx, now);
  await endJobProposals(tx, {
    job,
    endReason: "other_freelancer_hired",
    refund: connectRefundPolicy("other_freelancer_hired", settings),
    keyPrefix: input.keyPrefix,
    now,
    reissueExpiryDays: settings.connectRefundReissueExpiryDays,
  });
  await tx.job.update({
    where: { id: job.id },
    data: {
      status,
      endedAt: now,
      endedReason: "hired",
      auctionClosesAt: job.auctionClosesAt ? minDate(job.auctionClosesAt, now) : now,
    },
  });
}

export interface EndedOffer {
  status: "DECLINED" | "EXPIRED";
  refunds: ClosedEscrow["refunds"];
}

/**
 * An offer ends without a hire: declined by the freelancer or expired unanswered (economy.md §3.7,
 * §3.3). Escrow the client funded on it is refunded (the card refunds follow the commit); the
 * proposal it was made from goes back to the live state it had, with nothing lost, and its job,
 * which stayed open, counts the moment as activity. Call with the offer locked (`lockOffer`).
 */
export async function endOfferWithoutHire(
  tx: Tx,
  input: { offer: LockedOffer; event: "decline" | "expire"; reason: string; now: Date; key: string; operation: Operation; userId: string | null },
): Promise<EndedOffer> {
  const { offer, now } = input;
  const status = nextContractStatus(offer.status, input.event) as EndedOffer["status"];
  const { refunds } = await closeEscrow(tx, { contract: offer, escrow: "refund", reason: input.event === "decline" ? "The offer was declined." : "The offer expired unanswered.", now, key: input.key, operation: input.operation, userId: input.userId });
  await tx.contract.update({ where: { id: offer.id }, data: { status, endedAt: now, endedReason: input.reason } });
  if (offer.proposalId && offer.jobId) {
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: offer.proposalId }, select: { id: true, status: true, statusBeforeOffer: true } });
    // An offer sent before hiring waited for the answer left its proposal hired and its job filled.
    if (proposal.status === "OFFERED") {
      const before = reopenProposal(ruleStatus(proposal.status), proposal.statusBeforeOffer ? ruleStatus(proposal.statusBeforeOffer) : null);
      await tx.proposal.update({ where: { id: proposal.id }, data: { status: before.toUpperCase() as Uppercase<typeof before>, statusBeforeOffer: null } });
      const job = await tx.job.findUniqueOrThrow({ where: { id: offer.jobId }, select: { id: true, status: true } });
      await recordJobActivity(tx, job, input.event === "decline" ? "offer_declined" : "offer_expired", now);
    }
  }
  return { status, refunds };
}
