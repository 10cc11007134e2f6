import { refundEscrowEntries, releaseEscrowEntries, splitEscrow, type EscrowRef, type EscrowSplit, type MarketplaceSettings } from "@fairlance/rules";
import type { HourlyWeekStatus, MilestoneStatus, Tx } from "../../client";
import { postTransfers } from "../../ledger/post-transfers";
import { nextMilestoneStatus, nextWeekStatus } from "../contracts/access";
import type { EscrowContract, LedgerStep, LockedMilestone } from "../contracts/escrow";
import type { LockedWeek } from "../contracts/hourly-escrow";
import { releaseWithServiceFee, type ReleasedPayment } from "../contracts/release-payment";

/** What a dispute is about, locked: one milestone or one hourly week. */
export type DisputeTarget = { kind: "milestone"; milestone: LockedMilestone } | { kind: "week"; week: LockedWeek };

/** A card refund the ledger booked; the card is refunded after the commit (refundBookedCharge). */
export interface BookedRefund {
  chargeRef: string;
  amountMinor: bigint;
  gatewayKey: string;
}

export interface DividedEscrow {
  status: MilestoneStatus | HourlyWeekStatus;
  split: EscrowSplit;
  payment: ReleasedPayment | null;
  refund: BookedRefund | null;
}

export const targetAmount = (target: DisputeTarget) => (target.kind === "milestone" ? target.milestone.amountMinor : target.week.amountMinor);
const targetClientFee = (target: DisputeTarget) => (target.kind === "milestone" ? target.milestone.clientFeeMinor : target.week.clientFeeMinor);
const escrowOf = (target: DisputeTarget): EscrowRef =>
  target.kind === "milestone" ? { kind: "escrow_milestone", milestoneId: target.milestone.id } : { kind: "escrow_hourly_invoice", invoiceId: target.week.id };
/** The Charge row's purpose and the gateway key of the charge that funded the target. */
const chargeOf = (target: DisputeTarget) => (target.kind === "milestone" ? `milestone:${target.milestone.id}` : `hourly_week:${target.week.id}`);

/**
 * economy.md §6.3: divides a disputed target's escrow, in the caller's transaction: `releaseMinor`
 * to the freelancer (the service fee priced on that part only, under the contract's schedule, and
 * the lifetime billings with the client raised by it), the rest back to the client with the client
 * fee's share of it (splitEscrow). Releasing all approves the milestone (or releases the week);
 * refunding all refunds it; anything between leaves it SPLIT.
 */
export async function divideEscrow(
  tx: Tx,
  input: { target: DisputeTarget; contract: EscrowContract; releaseMinor: bigint; settings: MarketplaceSettings; step: LedgerStep },
): Promise<DividedEscrow> {
  const { target, contract, step } = input;
  const split = splitEscrow({ amountMinor: targetAmount(target), clientFeeMinor: targetClientFee(target), releaseMinor: input.releaseMinor });
  const escrow = escrowOf(target);
  const whole = split.refundMinor === 0n ? "release" : split.releaseMinor === 0n ? "refund" : "split";

  let payment: ReleasedPayment | null = null;
  if (split.releaseMinor > 0n) {
    payment = await releaseWithServiceFee(tx, {
      contract,
      amountMinor: split.releaseMinor,
      kind: target.kind === "milestone" ? "MILESTONE" : "HOURLY",
      ...(target.kind === "milestone" ? { milestoneId: target.milestone.id } : { hourlyWeekId: target.week.id }),
      entries: (serviceFeeMinor) => releaseEscrowEntries({ escrow, freelancerId: contract.freelancerId, amountMinor: split.releaseMinor, serviceFeeMinor }),
      ledger: { key: `${step.key}:release`, operation: step.operation, userId: step.userId },
      settings: input.settings,
      now: step.now,
    });
  }
  let refund: BookedRefund | null = null;
  if (split.refundMinor > 0n) {
    await postTransfers(tx, refundEscrowEntries({ clientId: contract.clientId, escrow, amountMinor: split.refundMinor, clientFeeMinor: split.clientFeeRefundMinor }), {
      key: `${step.key}:refund`,
      operation: step.operation,
      userId: step.userId,
      now: step.now,
      contractId: contract.id,
      milestoneId: target.kind === "milestone" ? target.milestone.id : null,
    });
    const charge = await tx.charge.findFirst({ where: { purpose: chargeOf(target) }, select: { gatewayRef: true } });
    if (charge) refund = { chargeRef: charge.gatewayRef, amountMinor: split.refundMinor + split.clientFeeRefundMinor, gatewayKey: chargeOf(target) };
  }

  let status: MilestoneStatus | HourlyWeekStatus;
  if (target.kind === "milestone") {
    status = nextMilestoneStatus(target.milestone.status, whole === "release" ? "decide_release" : whole === "refund" ? "decide_refund" : "decide_split");
    await tx.milestone.update({
      where: { id: target.milestone.id },
      data: {
        status,
        approvedAt: payment ? step.now : null,
        refundedAt: refund || split.refundMinor > 0n ? step.now : null,
        reviewDeadline: null,
        refundRequestDeadline: null,
      },
    });
  } else {
    status = nextWeekStatus(target.week.status, whole);
    await tx.hourlyWeek.update({ where: { id: target.week.id }, data: { status, releasedAt: payment ? step.now : null } });
  }
  return { status, split, payment, refund };
}
