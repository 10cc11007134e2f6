import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireRole } from "./access";
import { createOfferedContract, OfferTerms, type ContractOffer } from "./contract-terms";

export const MakeDirectOfferInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  freelancerId: z.uuid(),
  title: z.string().trim().min(1, "Give the contract a title.").max(200, "Titles are at most 200 characters."),
  terms: OfferTerms,
});
export type MakeDirectOfferInput = z.input<typeof MakeDirectOfferInput>;

/** A client offers a contract to a freelancer without a job (RULES 3.1); the freelancer accepts or declines. */
export async function makeDirectOffer(prisma: PrismaClient, input: MakeDirectOfferInput): Promise<ContractOffer> {
  const data = MakeDirectOfferInput.parse(input);
  return runTransaction(prisma, async (tx) => {
    await requireRole(tx, data.actorId, "CLIENT");
    const request = { freelancerId: data.freelancerId, title: data.title, terms: data.terms };
    const { result } = await idempotent(
      tx,
      { operation: "make_direct_offer", userId: data.actorId, key: data.idempotencyKey, request },
      async () => {
        const freelancer = await tx.user.findUnique({ where: { id: data.freelancerId }, select: { role: true } });
        if (!freelancer || freelancer.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "This freelancer does not exist.");
        return createOfferedContract(tx, { clientId: data.actorId, freelancerId: data.freelancerId, title: data.title, terms: data.terms, now: data.now });
      },
      jsonCodec<ContractOffer>(),
    );
    return result;
  });
}
