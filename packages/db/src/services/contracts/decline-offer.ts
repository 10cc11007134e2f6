import { z } from "zod";
import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Note } from "../fields";
import { Id, parseCall } from "../input";
import { assertParty, CONTRACT_MONEY_FIELDS, lockRow, nextContractStatus } from "./access";
import type { ContractState } from "./accept-offer";
import { closeEscrow, type ClosedEscrow } from "./close-escrow";
import { refundToCards, type CardRefundOutcome } from "./escrow";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const DeclineOfferInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  reason: Note(500),
});
export type DeclineOfferInput = z.input<typeof DeclineOfferInput>;

export type DeclinedOffer = ContractState & { cardRefunds: CardRefundOutcome[] };

/**
 * The freelancer declines an offer. A milestone the client already funded with the offer is
 * refunded to the client's card (escrow and client fee).
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
        await lockRow(tx, "Contract", data.contractId);
        const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: CONTRACT_MONEY_FIELDS });
        assertParty(contract, data.actorId, "freelancer");
        const status = nextContractStatus(contract.status, "decline");
        const { refunds } = await closeEscrow(tx, { contract, escrow: "refund", reason: "The offer was declined.", now: data.now, key: scopedKey(call), operation: "contract.decline", userId: data.actorId });
        await tx.contract.update({ where: { id: contract.id }, data: { status, endedAt: data.now, endedReason: data.reason ?? "offer_declined" } });
        return { contractId: contract.id, status, startedAt: null, endedAt: data.now, refunds };
      },
      jsonCodec<ContractState & Pick<ClosedEscrow, "refunds">>(),
    );
    return result;
  });
  const { refunds, ...state } = stored;
  return { ...state, cardRefunds: await refundToCards(prisma, deps.gateway ?? getGateway(), refunds, "The offer was declined.") };
}
