import type { PrismaClient } from "../../client";
import { activeFixedContract, earn, key } from "../../testing";
import { endContract } from "../contracts/end-contract";
import { fundMilestone } from "../contracts/fund-milestone";
import { decideDispute } from "../disputes/decide-dispute";
import { disputeMilestone } from "../disputes/open-dispute";

/**
 * A contract that paid the freelancer `grossMinor` (earn: a released milestone) and that the client
 * ended at `endedAt`, through endContract: what feedback is left on.
 */
export async function endedPaidContract(prisma: PrismaClient, input: { clientId: string; freelancerId: string; endedAt: Date; grossMinor?: bigint }): Promise<string> {
  const payment = await earn(prisma, { clientId: input.clientId, freelancerId: input.freelancerId, grossMinor: input.grossMinor ?? 50_000n, now: input.endedAt });
  await endContract(prisma, { actorId: input.clientId, now: input.endedAt, idempotencyKey: key(), contractId: payment.contractId, reason: "The work is done." });
  return payment.contractId;
}

/** A contract ended before anything was paid (its milestone never funded). */
export async function endedUnpaidContract(prisma: PrismaClient, input: { clientId: string; freelancerId: string; endedAt: Date }): Promise<string> {
  const { contractId } = await activeFixedContract(prisma, { ...input, milestones: [10_000n], now: input.endedAt });
  await endContract(prisma, { actorId: input.clientId, now: input.endedAt, idempotencyKey: key(), contractId, reason: "Plans changed." });
  return contractId;
}

/** Feedback a client gives, all five facets at `stars`. */
export const clientStars = (stars: number) => ({ overall: stars, facets: { skills: stars, quality: stars, communication: stars, deadlines: stars, cooperation: stars } });
/** Feedback a freelancer gives, all three facets at `stars`. */
export const freelancerStars = (stars: number) => ({ overall: stars, facets: { clarity: stars, payment: stars, communication: stars } });

/**
 * A contract whose one milestone (`amountMinor`) the client funded and disputed, an admin decided
 * by a split paying the freelancer `releaseMinor` at `decidedAt`, and the client then ended. The
 * client needs a card (makeVerifiedClient).
 */
export async function endedDisputedContract(
  prisma: PrismaClient,
  input: { clientId: string; freelancerId: string; adminId: string; amountMinor: bigint; releaseMinor: bigint; decidedAt: Date },
): Promise<string> {
  const now = input.decidedAt;
  const { contractId } = await activeFixedContract(prisma, { clientId: input.clientId, freelancerId: input.freelancerId, milestones: [input.amountMinor], now });
  const milestone = await prisma.milestone.findFirstOrThrow({ where: { contractId }, select: { id: true } });
  await fundMilestone(prisma, { actorId: input.clientId, now, idempotencyKey: key(), milestoneId: milestone.id });
  const dispute = await disputeMilestone(prisma, { actorId: input.clientId, now, idempotencyKey: key(), milestoneId: milestone.id, reason: "Late and incomplete", statement: "Half the pages are missing." });
  await decideDispute(prisma, { actorId: input.adminId, now, idempotencyKey: key(), disputeId: dispute.disputeId, outcome: "split", releaseMinor: input.releaseMinor, reason: "A quarter of the work was delivered." });
  await endContract(prisma, { actorId: input.clientId, now, idempotencyKey: key(), contractId, reason: "The work is done." });
  return contractId;
}
