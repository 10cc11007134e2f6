import { computeClientFee, fundEscrowEntries } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { IdempotencyKey, scopedKey, type IdempotentCall } from "../../idempotency";
import { postTransfers } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";
import { chargeThenCommit, recordCharge } from "../payments/card-charges";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";
import { nextMilestoneStatus } from "./access";
import { assertOpenContract, lockContractOfMilestone, lockMilestoneFor } from "./milestone-access";

/** What the client sends; who acts and when come with the call (ActorCall). */
export const FundMilestoneInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
});
export type FundMilestoneInput = z.input<typeof FundMilestoneInput>;

export interface FundedMilestone {
  milestoneId: string;
  status: MilestoneStatus;
  amountMinor: bigint;
  clientFeeMinor: bigint;
  /** What the card was charged: amount + client fee. */
  chargedMinor: bigint;
  chargeRef: string;
  fundedAt: Date;
}

/**
 * The client funds a milestone (economy.md §3.3): their verified card is charged the amount plus the
 * contract's client fee, outside the transaction; then the milestone is FUNDED and the ledger
 * moves the amount into the milestone's escrow. If the transaction refuses (say the milestone
 * was funded meanwhile), the charge is refunded.
 */
export async function fundMilestone(prisma: PrismaClient, input: FundMilestoneInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<FundedMilestone> {
  const data = parseCall(FundMilestoneInput, input);
  const call: IdempotentCall = { operation: "milestone.fund", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId } };
  const priced = async (tx: Tx) => {
    await lockContractOfMilestone(tx, data.milestoneId);
    const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "client");
    const status = nextMilestoneStatus(milestone.status, "fund");
    assertOpenContract(contract, data.now);
    return { milestone, contract, status, fee: computeClientFee({ amountMinor: milestone.amountMinor, rateBps: contract.clientFeeBps }) };
  };
  return chargeThenCommit(prisma, deps.gateway ?? getGateway(), {
    call,
    prepare: async () => {
      await requireActor(prisma, data, "CLIENT", "fund milestones", { active: true });
      const { fee, milestone } = await runTransaction(prisma, priced);
      return { payerId: data.actorId, amountMinor: fee.totalMinor, description: `Escrow for milestone "${milestone.title}"` };
    },
    commit: async (tx, charge) => {
      // Suspended since the charge was prepared: refused, and the charge is refunded (economy.md §5.3).
      await requireActor(tx, data, "CLIENT", "fund milestones", { active: true });
      const { milestone, contract, status, fee } = await priced(tx);
      if (fee.totalMinor !== charge.amountMinor) throw new DomainError("CONFLICT", "The milestone changed while it was being paid. Nothing was charged.");
      await recordCharge(tx, charge, { userId: data.actorId, purpose: `milestone:${milestone.id}`, now: data.now });
      await postTransfers(
        tx,
        fundEscrowEntries({ clientId: contract.clientId, escrow: { kind: "escrow_milestone", milestoneId: milestone.id }, amountMinor: fee.amountMinor, clientFeeMinor: fee.feeMinor }),
        { key: scopedKey(call), operation: "milestone.fund", now: data.now, userId: data.actorId, contractId: contract.id, milestoneId: milestone.id },
      );
      await tx.milestone.update({ where: { id: milestone.id }, data: { status, fundedAt: data.now, clientFeeMinor: fee.feeMinor } });
      // Funded with an offer not yet accepted, work starts once the freelancer accepts: the words say so.
      const withOffer = contract.status === "OFFERED";
      await notify(tx, {
        userId: contract.freelancerId,
        kind: "milestone_funded",
        eventKey: `milestone_funded:${milestone.id}`,
        data: { jobTitle: contract.title, milestoneTitle: milestone.title, clientName: await nameOf(tx, contract.clientId), amountMinor: fee.amountMinor, ...(withOffer ? { withOffer } : {}) },
        link: LINKS.contract(contract.id),
        now: data.now,
      });
      return {
        milestoneId: milestone.id,
        status,
        amountMinor: fee.amountMinor,
        clientFeeMinor: fee.feeMinor,
        chargedMinor: fee.totalMinor,
        chargeRef: charge.chargeRef,
        fundedAt: data.now,
      };
    },
  });
}

