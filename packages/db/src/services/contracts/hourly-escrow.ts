import { releaseHourlyInvoiceEntries, type MarketplaceSettings } from "@fairlance/rules";
import type { LedgerStep } from "./escrow";
import type { Tx } from "../../client";
import { nextWeekStatus } from "./access";
import type { EscrowContract } from "./escrow";
import { releaseWithServiceFee, type ReleasedPayment } from "./release-payment";

/** Reads an hourly week after locking it FOR UPDATE. */
export async function lockWeek(tx: Tx, weekId: string) {
  await tx.$queryRaw`SELECT id FROM "HourlyWeek" WHERE id = ${weekId}::uuid FOR UPDATE`;
  return tx.hourlyWeek.findUnique({
    where: { id: weekId },
    select: { id: true, contractId: true, weekStart: true, status: true, minutes: true, amountMinor: true, clientFeeMinor: true, disputeDeadline: true },
  });
}

export type LockedWeek = NonNullable<Awaited<ReturnType<typeof lockWeek>>>;

/** An invoiced (or disputed) week goes to the freelancer's pending balance minus the tiered service fee (economy.md §3.4). */
export async function releaseWeek(
  tx: Tx,
  input: { week: LockedWeek; contract: EscrowContract; settings: MarketplaceSettings; step: LedgerStep },
): Promise<ReleasedPayment> {
  const { week, contract, step } = input;
  const status = nextWeekStatus(week.status, "release");
  const payment = await releaseWithServiceFee(tx, {
    contract,
    amountMinor: week.amountMinor,
    kind: "HOURLY",
    hourlyWeekId: week.id,
    entries: (serviceFeeMinor) =>
      releaseHourlyInvoiceEntries({ invoiceId: week.id, freelancerId: contract.freelancerId, amountMinor: week.amountMinor, serviceFeeMinor }),
    ledger: { key: step.key, operation: step.operation, userId: step.userId },
    settings: input.settings,
    now: step.now,
  });
  await tx.hourlyWeek.update({ where: { id: week.id }, data: { status, releasedAt: step.now } });
  return payment;
}
