import type { LedgerStep } from "./escrow";
import { refundHourlyInvoiceEntries } from "@fairlance/rules";
import { z } from "zod";
import type { HourlyWeekStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { refundCardCharge } from "../payments/card-charges";
import { requireActor, type ActorCall } from "../actor";
import { RequiredText } from "../fields";
import { Id, parseCall } from "../input";
import { writeAudit } from "../connects/audit";
import { CONTRACT_MONEY_FIELDS, nextWeekStatus } from "./access";
import { lockWeek, releaseWeek } from "./hourly-escrow";
import type { ReleasedPayment } from "./release-payment";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const ResolveDisputeInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  weekId: Id("week"),
  outcome: z.enum(["release", "refund"], "Choose release or refund."),
  reason: RequiredText("Record why the dispute is resolved this way.", 2000),
});
export type ResolveDisputeInput = z.input<typeof ResolveDisputeInput>;

export interface ResolvedDispute {
  weekId: string;
  status: HourlyWeekStatus;
  payment: ReleasedPayment | null;
  /** Refund: the card refund's id, or null when the provider did not answer (replay to retry). */
  cardRefundRef: string | null;
}

/**
 * An admin decides a disputed week (economy.md §3.4, §6): release it to the freelancer with the service
 * fee, or refund the amount and client fee to the client's card. Audit-logged with before, after and why.
 */
export async function resolveDispute(prisma: PrismaClient, input: ResolveDisputeInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<ResolvedDispute> {
  const data = parseCall(ResolveDisputeInput, input);
  type Stored = Omit<ResolvedDispute, "cardRefundRef"> & { refund: { chargeRef: string; amountMinor: bigint } | null };
  const stored = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "resolve disputes");
    const call: IdempotentCall = { operation: "hourly.resolveDispute", userId: data.actorId, key: data.idempotencyKey, request: { weekId: data.weekId, outcome: data.outcome, reason: data.reason } };
    const { result } = await idempotent(
      tx,
      call,
      async (): Promise<Stored> => {
        const week = await lockWeek(tx, data.weekId);
        if (!week) throw new DomainError("NOT_FOUND", "This week does not exist.");
        if (week.status !== "DISPUTED") throw new DomainError("CONFLICT", "Only a disputed week can be resolved.");
        const contract = await tx.contract.findUniqueOrThrow({ where: { id: week.contractId }, select: CONTRACT_MONEY_FIELDS });
        const step: LedgerStep = { key: scopedKey(call), operation: "hourly.resolveDispute", userId: data.actorId, now: data.now };
        let resolved: Stored;
        if (data.outcome === "release") {
          const { settings } = await loadSettings(tx, data.now);
          const payment = await releaseWeek(tx, { week, contract, settings, step });
          resolved = { weekId: week.id, status: "RELEASED", payment, refund: null };
        } else {
          const status = nextWeekStatus(week.status, "refund");
          const entries = refundHourlyInvoiceEntries({ clientId: contract.clientId, invoiceId: week.id, amountMinor: week.amountMinor, clientFeeMinor: week.clientFeeMinor });
          await postTransfers(tx, entries, { ...step, contractId: contract.id });
          await tx.hourlyWeek.update({ where: { id: week.id }, data: { status } });
          const charge = await tx.charge.findFirst({ where: { purpose: `hourly_week:${week.id}` }, select: { gatewayRef: true } });
          const refund = charge ? { chargeRef: charge.gatewayRef, amountMinor: week.amountMinor + week.clientFeeMinor } : null;
          resolved = { weekId: week.id, status, payment: null, refund };
        }
        await writeAudit(tx, {
          actorId: data.actorId,
          action: `hourly_dispute.${data.outcome}`,
          targetType: "HourlyWeek",
          targetId: week.id,
          before: { status: week.status, amountMinor: week.amountMinor, clientFeeMinor: week.clientFeeMinor },
          after: { status: resolved.status, paymentId: resolved.payment?.paymentId ?? null, refundedMinor: resolved.refund?.amountMinor ?? null },
          reason: data.reason,
          now: data.now,
        });
        return resolved;
      },
      jsonCodec<Stored>(),
    );
    return result;
  });
  const { refund, ...rest } = stored;
  if (!refund) return { ...rest, cardRefundRef: null };
  const refunded = await refundCardCharge(deps.gateway ?? getGateway(), { ...refund, gatewayKey: `hourly_week:${stored.weekId}` });
  return { ...rest, cardRefundRef: refunded.ok ? refunded.ref : null };
}
