import { z } from "zod";
import type { ContractStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { assertParty, lockRow, nextContractStatus } from "./access";

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

/** The freelancer accepts an offer: the contract becomes active (economy.md §3.1). */
export async function acceptOffer(prisma: PrismaClient, input: AcceptOfferInput & ActorCall): Promise<ContractState> {
  const data = parseCall(AcceptOfferInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "accept offers");
    const { result } = await idempotent(
      tx,
      { operation: "contract.accept", userId: data.actorId, key: data.idempotencyKey, request: { contractId: data.contractId } },
      async () => {
        await lockRow(tx, "Contract", data.contractId);
        const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: { clientId: true, freelancerId: true, status: true } });
        assertParty(contract, data.actorId, "freelancer");
        const status = nextContractStatus(contract.status, "accept");
        return tx.contract
          .update({ where: { id: data.contractId }, data: { status, startedAt: data.now }, select: { id: true, status: true, startedAt: true, endedAt: true } })
          .then(({ id, ...rest }) => ({ contractId: id, ...rest }));
      },
      jsonCodec<ContractState>(),
    );
    return result;
  });
}
