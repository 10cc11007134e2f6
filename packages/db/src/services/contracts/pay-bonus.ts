import { assertContractActive, bonusEntries, computeClientFee } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { IdempotencyKey, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { chargeThenCommit, recordCharge } from "../payments/card-charges";
import { requireActor, type ActorCall } from "../actor";
import { Amount, Note } from "../fields";
import { Id, parseCall } from "../input";
import { assertParty, CONTRACT_MONEY_FIELDS, lockRow, ruleStatus } from "./access";
import { releaseWithServiceFee, type ReleasedPayment } from "./release-payment";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const PayBonusInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  amountMinor: Amount("bonus"),
  note: Note(500),
});
export type PayBonusInput = z.input<typeof PayBonusInput>;

export interface PaidBonus {
  contractId: string;
  clientFeeMinor: bigint;
  /** What the card was charged: bonus + client fee. */
  chargedMinor: bigint;
  chargeRef: string;
  payment: ReleasedPayment;
}

/**
 * A bonus on an active contract (economy.md §3.6): charged directly to the client's card (not from
 * escrow) with the client fee on top, like every client payment (economy.md §3.3), and paid to the
 * freelancer's pending balance minus the tiered service fee, like a milestone.
 */
export async function payBonus(prisma: PrismaClient, input: PayBonusInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<PaidBonus> {
  const data = parseCall(PayBonusInput, input);
  const call: IdempotentCall = { operation: "contract.payBonus", userId: data.actorId, key: data.idempotencyKey, request: { contractId: data.contractId, amountMinor: data.amountMinor, note: data.note } };
  const priced = async (tx: Tx) => {
    await lockRow(tx, "Contract", data.contractId);
    const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: CONTRACT_MONEY_FIELDS });
    assertParty(contract, data.actorId, "client");
    assertContractActive(ruleStatus(contract.status));
    return { contract, fee: computeClientFee({ amountMinor: data.amountMinor, rateBps: contract.clientFeeBps }) };
  };
  return chargeThenCommit(prisma, deps.gateway ?? getGateway(), {
    call,
    prepare: async () => {
      await requireActor(prisma, data, "CLIENT", "pay bonuses", { active: true });
      const { contract, fee } = await runTransaction(prisma, priced);
      return { payerId: data.actorId, amountMinor: fee.totalMinor, description: `Bonus on "${contract.title}"` };
    },
    commit: async (tx, charge) => {
      const { contract, fee } = await priced(tx);
      if (fee.totalMinor !== charge.amountMinor) throw new DomainError("CONFLICT", "The contract's terms changed while the bonus was being paid.");
      await recordCharge(tx, charge, { userId: data.actorId, purpose: `bonus:${contract.id}`, now: data.now });
      const { settings } = await loadSettings(tx, data.now);
      const payment = await releaseWithServiceFee(tx, {
        contract,
        amountMinor: data.amountMinor,
        kind: "BONUS",
        entries: (serviceFeeMinor) =>
          bonusEntries({
            clientId: contract.clientId,
            freelancerId: contract.freelancerId,
            contractId: contract.id,
            amountMinor: data.amountMinor,
            clientFeeMinor: fee.feeMinor,
            serviceFeeMinor,
          }),
        ledger: { key: scopedKey(call), operation: "contract.payBonus", userId: data.actorId },
        settings,
        now: data.now,
      });
      return { contractId: contract.id, clientFeeMinor: fee.feeMinor, chargedMinor: fee.totalMinor, chargeRef: charge.chargeRef, payment };
    },
  });
}
