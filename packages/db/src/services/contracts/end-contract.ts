import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { assertParty, CONTRACT_MONEY_FIELDS, lockRow, nextContractStatus } from "./access";
import type { ContractState } from "./accept-offer";
import { closeEscrow, type ClosedEscrow } from "./close-escrow";
import { refundToCards, type CardRefundOutcome } from "./escrow";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const EndContractInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  reason: Text(TEXT_RULES.endReason),
  /** Client only: pay the money still in escrow to the freelancer (every milestone approved). */
  releaseEscrow: z.boolean("Say whether to release the escrow.").default(false),
  /** Freelancer only: give the money still in escrow back to the client. */
  refundEscrow: z.boolean("Say whether to give the escrow back.").default(false),
});
export type EndContractInput = z.input<typeof EndContractInput>;

export type EndedContract = ContractState & Pick<ClosedEscrow, "released" | "refundsRequested"> & { cardRefunds: CardRefundOutcome[] };

/**
 * Either party ends an active contract (economy.md §3.3). Money still in escrow: the client may
 * release it all to the freelancer (with the service fee), the freelancer may give it all back;
 * otherwise each milestone follows its own rules (closeEscrow): the client's ending asks for the
 * escrow of work not yet submitted back, submitted work keeps its review, disputes stay frozen.
 * Logged hours of the current week are still invoiced on Monday.
 */
export async function endContract(prisma: PrismaClient, input: EndContractInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<EndedContract> {
  const data = parseCall(EndContractInput, input);
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "end contracts");
    const request = { contractId: data.contractId, reason: data.reason, releaseEscrow: data.releaseEscrow, refundEscrow: data.refundEscrow };
    const call: IdempotentCall = { operation: "contract.end", userId: data.actorId, key: data.idempotencyKey, request };
    const { result } = await idempotent(
      tx,
      call,
      async (): Promise<ContractState & ClosedEscrow> => {
        await lockRow(tx, "Contract", data.contractId);
        const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: { ...CONTRACT_MONEY_FIELDS, startedAt: true } });
        assertParty(contract, data.actorId, "either");
        const asClient = contract.clientId === data.actorId;
        if (data.releaseEscrow && !asClient) throw new DomainError("FORBIDDEN", "Only the client can release escrow to the freelancer.");
        if (data.refundEscrow && asClient) throw new DomainError("FORBIDDEN", "Only the freelancer can give escrow back; as the client, end the contract and the escrow of unstarted work is requested back.");
        const status = nextContractStatus(contract.status, "end");
        // A client ending with a suspended freelancer gets the escrow of unsubmitted work back at once (economy.md §5.3).
        const freelancer = asClient && !data.releaseEscrow ? await tx.user.findUniqueOrThrow({ where: { id: contract.freelancerId }, select: { suspendedAt: true } }) : null;
        const escrow = data.releaseEscrow ? "release" : data.refundEscrow ? "refund" : asClient ? (freelancer?.suspendedAt ? "refund_unsubmitted" : "request_refunds") : "keep";
        const closed = await closeEscrow(tx, { contract, escrow, reason: data.reason, now: data.now, key: scopedKey(call), operation: "contract.end", userId: data.actorId });
        await tx.contract.update({ where: { id: contract.id }, data: { status, endedAt: data.now, endedReason: data.reason } });
        return { contractId: contract.id, status, startedAt: contract.startedAt, endedAt: data.now, ...closed };
      },
      jsonCodec<ContractState & ClosedEscrow>(),
    );
    return result;
  });
  const { refunds, ...rest } = stored;
  const why = data.refundEscrow ? "The freelancer gave the escrow back when the contract ended." : "The contract ended while the freelancer's account was suspended.";
  return { ...rest, cardRefunds: await refundToCards(prisma, deps.gateway ?? getGateway(), refunds, why) };
}
