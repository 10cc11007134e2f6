import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";
import { assertParty } from "./access";
import type { ContractState } from "./accept-offer";
import type { ClosedEscrow } from "./close-escrow";
import { refundToCards, type CardRefundOutcome } from "./escrow";
import { endOfferWithoutHire, lockOffer } from "./offer-lifecycle";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const DeclineOfferInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  reason: Text(TEXT_RULES.declineReason).optional(),
});
export type DeclineOfferInput = z.input<typeof DeclineOfferInput>;

export type DeclinedOffer = ContractState & { cardRefunds: CardRefundOutcome[] };

/**
 * The freelancer declines an offer (economy.md §3.7). A milestone the client already funded with the
 * offer is refunded to the client's card (escrow and client fee, economy.md §3.3). An offer made from
 * a proposal gives the proposal back its live state, and the job, still open, can hire again.
 */
export async function declineOffer(prisma: PrismaClient, input: DeclineOfferInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<DeclinedOffer> {
  const data = parseCall(DeclineOfferInput, input);
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "decline offers");
    const call: IdempotentCall = { operation: "contract.decline", userId: data.actorId, key: data.idempotencyKey, request: { contractId: data.contractId, reason: data.reason } };
    const { result } = await idempotent(
      tx,
      call,
      async (): Promise<ContractState & Pick<ClosedEscrow, "refunds">> => {
        const offer = await lockOffer(tx, data.contractId);
        assertParty(offer, data.actorId, "freelancer");
        const { status, refunds } = await endOfferWithoutHire(tx, {
          offer,
          event: "decline",
          reason: data.reason ?? "offer_declined",
          now: data.now,
          key: scopedKey(call),
          operation: "contract.decline",
          userId: data.actorId,
        });
        await notify(tx, {
          userId: offer.clientId,
          kind: "offer_declined",
          eventKey: `offer_declined:${offer.id}`,
          data: { jobTitle: offer.title, freelancerName: await nameOf(tx, offer.freelancerId) },
          link: LINKS.contract(offer.id),
          now: data.now,
        });
        return { contractId: offer.id, status, startedAt: null, endedAt: data.now, refunds };
      },
      jsonCodec<ContractState & Pick<ClosedEscrow, "refunds">>(),
    );
    return result;
  });
  const { refunds, ...state } = stored;
  return { ...state, cardRefunds: await refundToCards(prisma, deps.gateway ?? getGateway(), refunds, "The offer was declined.") };
}
