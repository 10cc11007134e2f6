import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { counterpartSuspended, lockCounterpart, requireActor, type ActorCall } from "../actor";
import { TEXT_RULES } from "@fairlance/rules";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { createOfferedContract, OfferTerms, type ContractOffer } from "./contract-terms";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const MakeDirectOfferInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  freelancerId: Id("freelancer"),
  title: Text(TEXT_RULES.offerTitle),
  terms: OfferTerms,
});
export type MakeDirectOfferInput = z.input<typeof MakeDirectOfferInput>;

/** A client offers a contract to a freelancer without a job (economy.md §3.1); the freelancer accepts or declines. */
export async function makeDirectOffer(prisma: PrismaClient, input: MakeDirectOfferInput & ActorCall): Promise<ContractOffer> {
  const data = parseCall(MakeDirectOfferInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "make offers", { active: true });
    const request = { freelancerId: data.freelancerId, title: data.title, terms: data.terms };
    const { result } = await idempotent(
      tx,
      { operation: "contract.offer", userId: data.actorId, key: data.idempotencyKey, request },
      async () => {
        const freelancer = await lockCounterpart(tx, data.freelancerId);
        if (!freelancer || freelancer.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "This freelancer does not exist.");
        if (freelancer.suspended) throw counterpartSuspended("make them an offer");
        return createOfferedContract(tx, { clientId: data.actorId, freelancerId: data.freelancerId, title: data.title, terms: data.terms, now: data.now });
      },
      jsonCodec<ContractOffer>(),
    );
    return result;
  });
}
