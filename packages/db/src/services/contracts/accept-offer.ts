import { assertOfferOpen } from "@fairlance/rules";
import { z } from "zod";
import type { ContractStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";
import { assertParty, nextContractStatus, ruleStatus } from "./access";
import { hireAtAcceptance, lockOffer } from "./offer-lifecycle";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const AcceptOfferInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
});
export type AcceptOfferInput = z.input<typeof AcceptOfferInput>;

export interface ContractState {
  contractId: string;
  status: ContractStatus;
  startedAt: Date | null;
  endedAt: Date | null;
}

/**
 * The freelancer accepts an offer before it expires: the contract becomes active (economy.md §3.7).
 * An offer made from a proposal hires now: the proposal is hired, the job filled, its other live
 * proposals close (another freelancer was hired) and its boost auction closes. An offer past its
 * expiry is refused, even before the runner has marked it expired.
 */
export async function acceptOffer(prisma: PrismaClient, input: AcceptOfferInput & ActorCall): Promise<ContractState> {
  const data = parseCall(AcceptOfferInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "accept offers", { active: true });
    const call: IdempotentCall = { operation: "contract.accept", userId: data.actorId, key: data.idempotencyKey, request: { contractId: data.contractId } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const offer = await lockOffer(tx, data.contractId);
        assertParty(offer, data.actorId, "freelancer");
        assertOfferOpen({ status: ruleStatus(offer.status), expiresAt: offer.offerExpiresAt }, data.now);
        const status = nextContractStatus(offer.status, "accept");
        await hireAtAcceptance(tx, { offer, now: data.now, keyPrefix: scopedKey(call) });
        await notify(tx, {
          userId: offer.clientId,
          kind: "offer_accepted",
          eventKey: `offer_accepted:${offer.id}`,
          data: { jobTitle: offer.title, freelancerName: await nameOf(tx, offer.freelancerId) },
          link: LINKS.contract(offer.id),
          now: data.now,
        });
        return tx.contract
          .update({ where: { id: data.contractId }, data: { status, startedAt: data.now }, select: { id: true, status: true, startedAt: true, endedAt: true } })
          .then(({ id, ...rest }) => ({ contractId: id, ...rest }));
      },
      jsonCodec<ContractState>(),
    );
    return result;
  });
}
