import { availableAt, computeServiceFee, settingValueToJson, type MarketplaceSettings, type Transfer } from "@fairlance/rules";
import type { PaymentKind, Prisma, Tx } from "../../client";
import { postTransfers } from "../../ledger/post-transfers";
import { contractSchedule } from "./access";
import type { Operation } from "../../operations";

export interface ReleasedPayment {
  paymentId: string;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
  priorBilledMinor: bigint;
  availableAt: Date;
}

/** Lifetime billings of a client–freelancer pair, locked FOR UPDATE (the row is made on first use). */
export async function lockBilling(tx: Tx, clientId: string, freelancerId: string): Promise<bigint> {
  await tx.billing.createMany({ data: [{ clientId, freelancerId }], skipDuplicates: true });
  const [row] = await tx.$queryRaw<{ billedMinor: bigint }[]>`
    SELECT "billedMinor" FROM "Billing" WHERE "clientId" = ${clientId}::uuid AND "freelancerId" = ${freelancerId}::uuid FOR UPDATE`;
  return row?.billedMinor ?? 0n;
}

/**
 * Pays a freelancer (economy.md §3.3–3.6): the service fee is priced on lifetime billings with this
 * client under the CONTRACT's schedule, the ledger moves the money (entries built by `entries`
 * from the fee), a Payment records gross, fee by band and net, and billings grow by the gross.
 * The Billing row stays locked until the transaction ends, so concurrent payments between one
 * pair are priced one after the other and their fees add up to F(total).
 */
export async function releaseWithServiceFee(
  tx: Tx,
  input: {
    contract: { id: string; clientId: string; freelancerId: string; feeSchedule: Prisma.JsonValue };
    amountMinor: bigint;
    kind: PaymentKind;
    milestoneId?: string;
    hourlyWeekId?: string;
    entries: (serviceFeeMinor: bigint) => Transfer[];
    ledger: { key: string; operation: Operation; userId: string | null };
    settings: MarketplaceSettings;
    now: Date;
  },
): Promise<ReleasedPayment> {
  const { contract, amountMinor, now } = input;
  const priorBilledMinor = await lockBilling(tx, contract.clientId, contract.freelancerId);
  const fee = computeServiceFee({ priorBilledMinor, amountMinor, schedule: contractSchedule(contract.feeSchedule) });
  await postTransfers(tx, input.entries(fee.feeMinor), {
    ...input.ledger,
    now,
    contractId: contract.id,
    milestoneId: input.milestoneId ?? null,
  });
  const payment = await tx.payment.create({
    data: {
      contractId: contract.id,
      clientId: contract.clientId,
      freelancerId: contract.freelancerId,
      kind: input.kind,
      milestoneId: input.milestoneId ?? null,
      hourlyWeekId: input.hourlyWeekId ?? null,
      grossMinor: amountMinor,
      feeMinor: fee.feeMinor,
      netMinor: fee.netMinor,
      priorBilledMinor,
      feeBands: settingValueToJson(fee.bands) as Prisma.InputJsonValue,
      releasedAt: now,
      availableAt: availableAt(now, input.settings),
    },
    select: { id: true, availableAt: true },
  });
  await tx.billing.update({
    where: { clientId_freelancerId: { clientId: contract.clientId, freelancerId: contract.freelancerId } },
    data: { billedMinor: { increment: amountMinor } },
  });
  return {
    paymentId: payment.id,
    grossMinor: amountMinor,
    feeMinor: fee.feeMinor,
    netMinor: fee.netMinor,
    priorBilledMinor,
    availableAt: payment.availableAt,
  };
}
