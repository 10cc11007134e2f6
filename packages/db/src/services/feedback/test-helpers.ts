import type { PrismaClient } from "../../client";
import { activeFixedContract, earn, key } from "../../testing";
import { endContract } from "../contracts/end-contract";

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
