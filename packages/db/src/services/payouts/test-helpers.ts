import { availableAt, computeServiceFee, fundEscrowEntries, releaseEscrowEntries, settingValueToJson, DEFAULT_SETTINGS } from "@fairlance/rules";
import type { Prisma, PrismaClient } from "../../client";
import { postTransfers } from "../../ledger/post-transfers";

let n = 0;
export async function makeUser(prisma: PrismaClient, role: "CLIENT" | "FREELANCER" | "ADMIN", createdAt = new Date("2026-01-01T00:00:00Z")) {
  return prisma.user.create({
    data: { email: `${role.toLowerCase()}-${process.pid}-${n++}@payouts.test`, name: `${role} ${n}`, role, passwordHash: "x", createdAt },
    select: { id: true },
  });
}

/**
 * Money a freelancer earned from a client: a funded and approved milestone,
 * released into Pending with the tiered fee, exactly as the contract services
 * record it (used here to test what happens to the money afterwards).
 */
export async function earn(prisma: PrismaClient, input: { clientId: string; freelancerId: string; grossMinor: bigint; now: Date }) {
  return prisma.$transaction(async (tx) => {
    const contract = await tx.contract.create({
      data: {
        clientId: input.clientId,
        freelancerId: input.freelancerId,
        type: "FIXED",
        title: `Test contract ${n++}`,
        status: "ACTIVE",
        feeSchedule: settingValueToJson(DEFAULT_SETTINGS.feeSchedule) as Prisma.InputJsonValue,
        clientFeeBps: DEFAULT_SETTINGS.clientFeeBps,
        settingsVersion: 0,
        offeredAt: input.now,
        startedAt: input.now,
      },
    });
    const milestone = await tx.milestone.create({
      data: { contractId: contract.id, position: 1, title: "Work", amountMinor: input.grossMinor, status: "APPROVED", fundedAt: input.now, approvedAt: input.now },
    });
    const escrow = { kind: "escrow_milestone" as const, milestoneId: milestone.id };
    const billing = await tx.billing.upsert({
      where: { clientId_freelancerId: { clientId: input.clientId, freelancerId: input.freelancerId } },
      create: { clientId: input.clientId, freelancerId: input.freelancerId },
      update: {},
    });
    const fee = computeServiceFee({ priorBilledMinor: billing.billedMinor, amountMinor: input.grossMinor });
    const context = { operation: "test_earn", now: input.now, contractId: contract.id, milestoneId: milestone.id };
    await postTransfers(tx, fundEscrowEntries({ clientId: input.clientId, escrow, amountMinor: input.grossMinor, clientFeeMinor: 0n }), { ...context, key: `test_fund:${milestone.id}` });
    await postTransfers(tx, releaseEscrowEntries({ escrow, freelancerId: input.freelancerId, amountMinor: input.grossMinor, serviceFeeMinor: fee.feeMinor }), {
      ...context,
      key: `test_release:${milestone.id}`,
    });
    await tx.billing.update({
      where: { clientId_freelancerId: { clientId: input.clientId, freelancerId: input.freelancerId } },
      data: { billedMinor: { increment: input.grossMinor } },
    });
    return tx.payment.create({
      data: {
        contractId: contract.id,
        clientId: input.clientId,
        freelancerId: input.freelancerId,
        kind: "MILESTONE",
        milestoneId: milestone.id,
        grossMinor: input.grossMinor,
        feeMinor: fee.feeMinor,
        netMinor: fee.netMinor,
        priorBilledMinor: billing.billedMinor,
        feeBands: [],
        releasedAt: input.now,
        availableAt: availableAt(input.now),
      },
    });
  });
}
