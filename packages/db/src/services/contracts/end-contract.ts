import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { RequiredText } from "../fields";
import { Id, parseCall } from "../input";
import { assertParty, CONTRACT_MONEY_FIELDS, lockRow, nextContractStatus } from "./access";
import type { ContractState } from "./accept-offer";
import { closeEscrow, type ClosedEscrow } from "./close-escrow";
import { refundToCards, type CardRefundOutcome } from "./escrow";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const EndContractInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  reason: RequiredText("Say why the contract ends.", 500),
  /** Client only: pay the money still in escrow to the freelancer instead of refunding it. */
  releaseEscrow: z.boolean().default(false),
});
export type EndContractInput = z.input<typeof EndContractInput>;

export type EndedContract = ContractState & { released: ClosedEscrow["released"]; cardRefunds: CardRefundOutcome[] };

/**
 * Either party ends an active contract (economy.md §3.3). Money still in escrow is refunded to the
 * client, unless the client releases it to the freelancer (with the service fee). Logged hours
 * of the current week are still invoiced on Monday.
 */
export async function endContract(prisma: PrismaClient, input: EndContractInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<EndedContract> {
  const data = parseCall(EndContractInput, input);
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "end contracts");
    const request = { contractId: data.contractId, reason: data.reason, releaseEscrow: data.releaseEscrow };
    const call: IdempotentCall = { operation: "contract.end", userId: data.actorId, key: data.idempotencyKey, request };
    const { result } = await idempotent(
      tx,
      call,
      async (): Promise<ContractState & ClosedEscrow> => {
        await lockRow(tx, "Contract", data.contractId);
        const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: { ...CONTRACT_MONEY_FIELDS, startedAt: true } });
        assertParty(contract, data.actorId, "either");
        if (data.releaseEscrow && contract.clientId !== data.actorId) {
          throw new DomainError("FORBIDDEN", "Only the client can release escrow to the freelancer.");
        }
        const status = nextContractStatus(contract.status, "end");
        const closed = await closeEscrow(tx, { contract, release: data.releaseEscrow, now: data.now, key: scopedKey(call), operation: "contract.end", userId: data.actorId });
        await tx.contract.update({ where: { id: contract.id }, data: { status, endedAt: data.now, endedReason: data.reason } });
        return { contractId: contract.id, status, startedAt: contract.startedAt, endedAt: data.now, ...closed };
      },
      jsonCodec<ContractState & ClosedEscrow>(),
    );
    return result;
  });
  const { refunds, ...rest } = stored;
  return { ...rest, cardRefunds: await refundToCards(deps.gateway ?? getGateway(), refunds) };
}
