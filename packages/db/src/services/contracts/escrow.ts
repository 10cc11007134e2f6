import { refundEscrowEntries, releaseEscrowEntries, type MarketplaceSettings } from "@fairlance/rules";
import type { Operation } from "../../operations";
import type { MilestoneStatus, Prisma, Tx } from "../../client";
import type { GatewayResult, PaymentGateway } from "../../gateway/gateway";
import { postTransfers } from "../../ledger/post-transfers";
import { refundCardCharge } from "../payments/card-charges";
import { nextMilestoneStatus } from "./access";
import { releaseWithServiceFee, type ReleasedPayment } from "./release-payment";

export interface EscrowMilestone {
  id: string;
  status: MilestoneStatus;
  amountMinor: bigint;
  clientFeeMinor: bigint;
}

export interface EscrowContract {
  id: string;
  clientId: string;
  freelancerId: string;
  feeSchedule: Prisma.JsonValue;
}

export interface LedgerStep {
  /** Unique per milestone within the operation: the transfers' keys derive from it. */
  key: string;
  operation: Operation;
  userId: string | null;
  now: Date;
}

/** Reads a milestone after locking it FOR UPDATE: concurrent approvals and refunds queue here. */
export async function lockMilestone(tx: Tx, milestoneId: string) {
  await tx.$queryRaw`SELECT id FROM "Milestone" WHERE id = ${milestoneId}::uuid FOR UPDATE`;
  return tx.milestone.findUnique({
    where: { id: milestoneId },
    select: { id: true, contractId: true, position: true, title: true, status: true, amountMinor: true, clientFeeMinor: true, reviewDeadline: true },
  });
}

/** Approval (by the client, automatically, or at the end of a contract): escrow to the freelancer with the service fee. */
export async function releaseMilestoneEscrow(
  tx: Tx,
  input: { milestone: EscrowMilestone; contract: EscrowContract; automatic: boolean; settings: MarketplaceSettings; step: LedgerStep },
): Promise<ReleasedPayment> {
  const { milestone, contract, step } = input;
  const status = nextMilestoneStatus(milestone.status, input.automatic ? "auto_approve" : "approve");
  const payment = await releaseWithServiceFee(tx, {
    contract,
    amountMinor: milestone.amountMinor,
    kind: "MILESTONE",
    milestoneId: milestone.id,
    entries: (serviceFeeMinor) =>
      releaseEscrowEntries({
        escrow: { kind: "escrow_milestone", milestoneId: milestone.id },
        freelancerId: contract.freelancerId,
        amountMinor: milestone.amountMinor,
        serviceFeeMinor,
      }),
    ledger: { key: step.key, operation: step.operation, userId: step.userId },
    settings: input.settings,
    now: step.now,
  });
  await tx.milestone.update({
    where: { id: milestone.id },
    data: { status, approvedAt: step.now, autoApproved: input.automatic, reviewDeadline: null },
  });
  return payment;
}

export interface CardRefundPlan {
  milestoneId: string;
  chargeRef: string;
  amountMinor: bigint;
  gatewayKey: string;
}

/** Refund of a milestone's escrow and client fee to the client (the card refund follows the commit). */
export async function refundMilestoneEscrow(
  tx: Tx,
  input: { milestone: EscrowMilestone; contract: EscrowContract; step: LedgerStep },
): Promise<CardRefundPlan> {
  const { milestone, contract, step } = input;
  const status = nextMilestoneStatus(milestone.status, "refund");
  await postTransfers(
    tx,
    refundEscrowEntries({
      clientId: contract.clientId,
      escrow: { kind: "escrow_milestone", milestoneId: milestone.id },
      amountMinor: milestone.amountMinor,
      clientFeeMinor: milestone.clientFeeMinor,
    }),
    { ...step, contractId: contract.id, milestoneId: milestone.id },
  );
  await tx.milestone.update({ where: { id: milestone.id }, data: { status, refundedAt: step.now, reviewDeadline: null } });
  const charge = await tx.charge.findFirst({ where: { purpose: `milestone:${milestone.id}` }, select: { gatewayRef: true } });
  return {
    milestoneId: milestone.id,
    chargeRef: charge?.gatewayRef ?? "",
    amountMinor: milestone.amountMinor + milestone.clientFeeMinor,
    gatewayKey: `milestone:${milestone.id}`,
  };
}

export interface CardRefundOutcome {
  milestoneId: string;
  amountMinor: bigint;
  /** The gateway's refund id, or null when it did not answer (replaying the request retries it). */
  refundRef: string | null;
  failureReason: string | null;
}

/** After the commit: the card refunds, each under a key derived from its milestone (never twice). */
export async function refundToCards(gateway: PaymentGateway, plans: readonly CardRefundPlan[]): Promise<CardRefundOutcome[]> {
  const outcomes: CardRefundOutcome[] = [];
  for (const plan of plans) {
    const result: GatewayResult = plan.chargeRef
      ? await refundCardCharge(gateway, plan)
      : { ok: false, reason: "No card charge was found for this milestone." };
    outcomes.push({
      milestoneId: plan.milestoneId,
      amountMinor: plan.amountMinor,
      refundRef: result.ok ? result.ref : null,
      failureReason: result.ok ? null : result.reason,
    });
  }
  return outcomes;
}
