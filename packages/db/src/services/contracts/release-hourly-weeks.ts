import { isHourlyReleaseDue } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { CONTRACT_MONEY_FIELDS } from "./access";
import type { LedgerStep } from "./escrow";
import { lockWeek, releaseWeek } from "./hourly-escrow";

export interface HourlyRelease {
  weekId: string;
  paymentId: string;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
}

/**
 * Time-driven (economy.md §3.4): invoiced weeks nobody disputed by the deadline (Saturday 00:00 UTC)
 * are released to the freelancer with the tiered service fee. One transaction per locked week,
 * keyed by the week: a second run for the same `now` changes nothing.
 */
export async function releaseHourlyWeeks(prisma: PrismaClient, input: SystemCall & { limit?: number }): Promise<{ released: HourlyRelease[] }> {
  const due = await prisma.hourlyWeek.findMany({
    where: { status: "INVOICED", disputeDeadline: { lte: input.now } },
    select: { id: true },
    orderBy: { disputeDeadline: "asc" },
    take: input.limit ?? 500,
  });
  const released: HourlyRelease[] = [];
  for (const { id } of due) {
    const done = await runTransaction(prisma, async (tx) => {
      const week = await lockWeek(tx, id);
      if (!week || week.status !== "INVOICED" || !isHourlyReleaseDue(week.weekStart, input.now)) return null;
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: week.contractId }, select: CONTRACT_MONEY_FIELDS });
      const { settings } = await loadSettings(tx, input.now);
      const step: LedgerStep = { key: scopedKey({ operation: "hourly.release", userId: null, key: id }), operation: "hourly.release", userId: null, now: input.now };
      const payment = await releaseWeek(tx, { week, contract, settings, step });
      return { weekId: id, paymentId: payment.paymentId, grossMinor: payment.grossMinor, feeMinor: payment.feeMinor, netMinor: payment.netMinor };
    });
    if (done) released.push(done);
  }
  return { released };
}
