import { addDays, computeClientFee, hourlyAmount, hourlyInvoiceEntries, hourlyWeekSchedule } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import { isDomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { postTransfers } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";
import { chargeVerifiedCard, recordCharge, refundUnrecordedCharge, type CardCharge } from "../payments/card-charges";
import type { SystemCall } from "../actor";
import { nextWeekStatus } from "./access";
import { lockWeek } from "./hourly-escrow";

export interface HourlyInvoicing {
  invoiced: { weekId: string; minutes: number; amountMinor: bigint; clientFeeMinor: bigint; chargeRef: string; disputeDeadline: Date }[];
  /** Weeks with no billable time: closed without a charge. */
  closed: string[];
  /** Weeks that could not be charged (no verified card, declined): they stay open and are retried on the next run. */
  failed: { weekId: string; reason: string }[];
}

/**
 * Time-driven (economy.md §3.4): on or after the Monday following a week, its logged time is invoiced
 * to the client's card (hours × rate, plus the client fee) into the week's escrow, disputable
 * until the end of Friday. Each week is charged under its own key and committed on its locked
 * row, so running twice for the same `now` charges once.
 */
export async function invoiceHourlyWeeks(
  prisma: PrismaClient,
  input: SystemCall & { limit?: number },
  deps: { gateway?: PaymentGateway } = {},
): Promise<HourlyInvoicing> {
  const gateway = deps.gateway ?? getGateway();
  const { now } = input;
  const due = await prisma.hourlyWeek.findMany({
    where: { status: "OPEN", weekStart: { lte: addDays(now, -7) } },
    select: { id: true, minutes: true, weekStart: true, contract: { select: { clientId: true, hourlyRateMinor: true, clientFeeBps: true, title: true } } },
    orderBy: { weekStart: "asc" },
    take: input.limit ?? 500,
  });
  const outcome: HourlyInvoicing = { invoiced: [], closed: [], failed: [] };
  for (const week of due) {
    const amountMinor = hourlyAmount({ minutes: week.minutes, hourlyRateMinor: week.contract.hourlyRateMinor ?? 0n });
    if (amountMinor === 0n) {
      if (await closeEmptyWeek(prisma, week.id, now)) outcome.closed.push(week.id);
      continue;
    }
    const fee = computeClientFee({ amountMinor, rateBps: week.contract.clientFeeBps });
    let charge: CardCharge;
    try {
      charge = await chargeVerifiedCard(prisma, gateway, {
        payerId: week.contract.clientId,
        amountMinor: fee.totalMinor,
        gatewayKey: `hourly.invoice:${week.id}:${now.toISOString()}`,
        description: `Hours of the week of ${week.weekStart.toISOString().slice(0, 10)} on "${week.contract.title}"`,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcome.failed.push({ weekId: week.id, reason: error.message });
      continue;
    }
    try {
      const invoiced = await runTransaction(prisma, async (tx) => {
        const locked = await lockWeek(tx, week.id);
        if (!locked || locked.status !== "OPEN" || locked.minutes !== week.minutes) return null;
        const contract = await tx.contract.findUniqueOrThrow({ where: { id: locked.contractId }, select: { id: true, clientId: true } });
        const status = nextWeekStatus(locked.status, "invoice");
        const { disputeDeadline } = hourlyWeekSchedule(locked.weekStart);
        await recordCharge(tx, charge, { userId: contract.clientId, purpose: `hourly_week:${locked.id}`, now });
        await postTransfers(tx, hourlyInvoiceEntries({ clientId: contract.clientId, invoiceId: locked.id, amountMinor, clientFeeMinor: fee.feeMinor }), {
          key: scopedKey({ operation: "hourly.invoice", userId: null, key: locked.id }),
          operation: "hourly.invoice",
          now,
          userId: null,
          contractId: contract.id,
        });
        await tx.hourlyWeek.update({ where: { id: locked.id }, data: { status, amountMinor, clientFeeMinor: fee.feeMinor, invoicedAt: now, disputeDeadline } });
        return { weekId: locked.id, minutes: locked.minutes, amountMinor, clientFeeMinor: fee.feeMinor, chargeRef: charge.chargeRef, disputeDeadline };
      });
      if (invoiced) outcome.invoiced.push(invoiced);
      else await refundUnlessUsed(prisma, gateway, week.id, charge);
    } catch (error) {
      // The answer to COMMIT may have been lost (the database restarted): refund only a charge the
      // invoice did not record. If the database cannot say, the job's retry (same key, same charge) settles it.
      await refundUnlessUsed(prisma, gateway, week.id, charge).catch(() => undefined);
      throw error;
    }
  }
  return outcome;
}

/** The week was invoiced meanwhile: keep this charge only if it is the one the invoice used. */
async function refundUnlessUsed(prisma: PrismaClient, gateway: PaymentGateway, weekId: string, charge: CardCharge): Promise<void> {
  const used = await prisma.charge.findFirst({ where: { purpose: `hourly_week:${weekId}`, gatewayRef: charge.chargeRef }, select: { id: true } });
  if (!used) await refundUnrecordedCharge(prisma, gateway, charge, `The hourly invoice of week ${weekId} did not record this charge.`);
}

/** A week with no billable time: invoiced at $0 and released at once, with no charge and no ledger entry. */
async function closeEmptyWeek(prisma: PrismaClient, weekId: string, now: Date): Promise<boolean> {
  return runTransaction(prisma, async (tx) => {
    const week = await lockWeek(tx, weekId);
    if (!week || week.status !== "OPEN") return false;
    const status = nextWeekStatus(nextWeekStatus(week.status, "invoice"), "release");
    await tx.hourlyWeek.update({ where: { id: weekId }, data: { status, amountMinor: 0n, clientFeeMinor: 0n, invoicedAt: now, releasedAt: now } });
    return true;
  });
}
