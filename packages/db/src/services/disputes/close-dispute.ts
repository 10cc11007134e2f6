import type { DisputeOutcome, DisputeStatus, PrismaClient, Tx } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import type { Operation } from "../../operations";
import { loadSettings } from "../../settings/load-settings";
import { refundBookedCharge } from "../payments/card-charges";
import type { ReleasedPayment } from "../contracts/release-payment";
import type { lockDispute } from "./access";
import { divideEscrow, type BookedRefund } from "./divide-escrow";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";

export interface ClosedDispute {
  disputeId: string;
  status: DisputeStatus;
  outcome: DisputeOutcome;
  releasedMinor: bigint;
  refundedMinor: bigint;
  /** The part of the client fee given back with the refund. */
  clientFeeRefundMinor: bigint;
  /** The freelancer's payment for the released part (null when nothing was released). */
  payment: ReleasedPayment | null;
  /** The milestone's or week's status now: APPROVED/RELEASED, REFUNDED or SPLIT. */
  targetStatus: string;
}

/** What a closed dispute stores for its answer (the card refund follows the commit). */
export type StoredClose = ClosedDispute & { refund: BookedRefund | null };

export interface CardRefundResult {
  amountMinor: bigint;
  /** The gateway's refund id, or null while it is queued (the runner retries it). */
  refundRef: string | null;
  queued: boolean;
}

/**
 * Applies a decision or an agreed split to a locked dispute (economy.md §6.3), in the caller's
 * transaction: divides the escrow and closes the dispute with how it was closed and why.
 */
export async function closeDispute(
  tx: Tx,
  locked: Awaited<ReturnType<typeof lockDispute>>,
  input: { status: "DECIDED" | "SETTLED"; releaseMinor: bigint; reason: string; decidedById: string | null; key: string; operation: Operation; actorId: string; now: Date },
): Promise<StoredClose> {
  const { dispute, target, contract } = locked;
  const { settings } = await loadSettings(tx, input.now);
  const step = { key: input.key, operation: input.operation, userId: input.actorId, now: input.now };
  const divided = await divideEscrow(tx, { target, contract, releaseMinor: input.releaseMinor, settings, step });
  const outcome: DisputeOutcome = divided.split.refundMinor === 0n ? "RELEASE" : divided.split.releaseMinor === 0n ? "REFUND" : "SPLIT";
  await tx.dispute.update({
    where: { id: dispute.id },
    data: {
      status: input.status,
      outcome,
      releasedMinor: divided.split.releaseMinor,
      refundedMinor: divided.split.refundMinor,
      decisionReason: input.reason,
      decidedById: input.decidedById,
      closedAt: input.now,
      paymentId: divided.payment?.paymentId ?? null,
    },
  });
  // Both sides are told how the escrow was divided and why (an admin's decision or their own agreement).
  for (const userId of [contract.clientId, contract.freelancerId]) {
    await notify(tx, {
      userId,
      kind: "dispute_decided",
      eventKey: `dispute_decided:${dispute.id}`,
      data: {
        jobTitle: contract.title,
        outcome: outcome === "RELEASE" ? "release" : outcome === "REFUND" ? "refund" : "split",
        releasedMinor: divided.split.releaseMinor,
        refundedMinor: divided.split.refundMinor,
        reason: withoutFinalStop(input.reason),
      },
      link: LINKS.dispute(dispute.id),
      now: input.now,
    });
  }
  return {
    disputeId: dispute.id,
    status: input.status,
    outcome,
    releasedMinor: divided.split.releaseMinor,
    refundedMinor: divided.split.refundMinor,
    clientFeeRefundMinor: divided.split.clientFeeRefundMinor,
    payment: divided.payment,
    targetStatus: divided.status,
    refund: divided.refund,
  };
}

/** After the commit: the client's card refund of a closed dispute (queued when the provider does not answer). */
export async function refundClosedDispute(
  prisma: PrismaClient,
  stored: StoredClose,
  deps: { gateway?: PaymentGateway },
): Promise<ClosedDispute & { cardRefund: CardRefundResult | null }> {
  const { refund, ...closed } = stored;
  if (!refund) return { ...closed, cardRefund: null };
  const result = await refundBookedCharge(prisma, deps.gateway ?? getGateway(), refund, `Dispute ${closed.disputeId} ${closed.status === "DECIDED" ? "decided" : "settled"}: ${closed.outcome.toLowerCase()}.`);
  return { ...closed, cardRefund: { amountMinor: refund.amountMinor, refundRef: result.ok ? result.ref : null, queued: result.queued } };
}
