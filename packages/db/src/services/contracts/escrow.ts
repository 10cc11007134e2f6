import { refundEscrowEntries, releaseEscrowEntries, type MarketplaceSettings } from "@fairlance/rules";
import type { Operation } from "../../operations";
import type { MilestoneStatus, Prisma, PrismaClient, Tx } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { postTransfers } from "../../ledger/post-transfers";
import { refundBookedCharge } from "../payments/card-charges";
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

export type LockedMilestone = NonNullable<Awaited<ReturnType<typeof lockMilestone>>>;

/** Statuses whose escrow the parties can still move (not frozen by a dispute). */
export const HELD_MILESTONE_STATUSES = ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED"] as const satisfies readonly MilestoneStatus[];

/** Reads a milestone after locking it FOR UPDATE: concurrent approvals and refunds queue here. */
export async function lockMilestone(tx: Tx, milestoneId: string) {
  await tx.$queryRaw`SELECT id FROM "Milestone" WHERE id = ${milestoneId}::uuid FOR UPDATE`;
  return tx.milestone.findUnique({
    where: { id: milestoneId },
    select: {
      id: true,
      contractId: true,
      position: true,
      title: true,
      status: true,
      amountMinor: true,
      clientFeeMinor: true,
      submittedAt: true,
      reviewDeadline: true,
      changesRequested: true,
      refundRequestDeadline: true,
    },
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
    data: { status, approvedAt: step.now, autoApproved: input.automatic, reviewDeadline: null, refundRequestDeadline: null },
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
  await tx.milestone.update({ where: { id: milestone.id }, data: { status, refundedAt: step.now, reviewDeadline: null, refundRequestDeadline: null } });
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
  /** The gateway's refund id, or null when it has not answered yet (then the refund is queued). */
  refundRef: string | null;
  /** True when the gateway did not take the refund at once: the runner retries it (pending-refunds.ts). */
  queued: boolean;
  failureReason: string | null;
}

/** After the commit: the card refunds, each under a key derived from its milestone (never twice); one the gateway does not take is queued. */
export async function refundToCards(prisma: PrismaClient, gateway: PaymentGateway, plans: readonly CardRefundPlan[], reason: string): Promise<CardRefundOutcome[]> {
  const outcomes: CardRefundOutcome[] = [];
  for (const plan of plans) {
    const result = plan.chargeRef
      ? await refundBookedCharge(prisma, gateway, plan, reason)
      : { ok: false as const, reason: "No card charge was found for this milestone.", queued: false };
    outcomes.push({
      milestoneId: plan.milestoneId,
      amountMinor: plan.amountMinor,
      refundRef: result.ok ? result.ref : null,
      queued: result.queued,
      failureReason: result.ok ? null : result.reason,
    });
  }
  return outcomes;
}
