import { planRefund, planSpend, type ConnectEntryReason, type HeldFromLot } from "@fairlance/rules";
import type { ConnectEntryKind, ConnectSource, Tx } from "../client";

interface EntryContext {
  userId: string;
  /** Scoped operation key; each entry's key is `<key>#<suffix>`. */
  key: string;
  now: Date;
  reason: ConnectEntryReason;
  note?: string | null;
  proposalId?: string | null;
  jobId?: string | null;
}

/** Serialises every change to one freelancer's connects (spend, refund, expiry, grant). */
export async function lockConnects(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/** A new lot with its first entry (a grant or a purchase). */
export async function issueLot(
  tx: Tx,
  input: EntryContext & { source: ConnectSource; connects: number; expiresAt: Date; kind?: ConnectEntryKind; purchaseId?: string | null; reissuedFrom?: string | null },
): Promise<string> {
  const lot = await tx.connectLot.create({
    data: {
      userId: input.userId,
      source: input.source,
      issued: input.connects,
      remaining: input.connects,
      issuedAt: input.now,
      expiresAt: input.expiresAt,
      reason: input.reason,
      purchaseId: input.purchaseId ?? null,
      reissuedFrom: input.reissuedFrom ?? null,
    },
    select: { id: true },
  });
  await tx.connectEntry.create({
    data: {
      userId: input.userId,
      lotId: lot.id,
      kind: input.kind ?? (input.source === "PURCHASE" ? "PURCHASE" : input.source === "REFUND_REISSUE" ? "REFUND" : "GRANT"),
      delta: input.connects,
      reason: input.reason,
      note: input.note ?? null,
      proposalId: input.proposalId ?? null,
      jobId: input.jobId ?? null,
      idempotencyKey: `${input.key}#issue`,
      createdAt: input.now,
    },
  });
  return lot.id;
}

/** The freelancer's lots, locked, in the shape the rules take. Call lockConnects first. */
async function lotsOf(tx: Tx, userId: string) {
  return tx.connectLot.findMany({
    where: { userId, remaining: { gt: 0 } },
    select: { id: true, expiresAt: true, remaining: true },
  });
}

/**
 * Takes `connects` from the lots that expire first (economy.md §2.2, §2.4). Throws
 * INSUFFICIENT_CONNECTS, changing nothing, when the balance is too small.
 */
export async function spendConnects(tx: Tx, input: EntryContext & { connects: number; kind?: ConnectEntryKind }): Promise<void> {
  if (input.connects === 0) return;
  await lockConnects(tx, input.userId);
  const takes = planSpend(await lotsOf(tx, input.userId), input.connects, input.now);
  await takeFromLots(tx, input, takes, input.kind ?? "SPEND");
}

/** Removes connects from given lots (spend, expiry, revoke): one entry per lot. */
export async function takeFromLots(
  tx: Tx,
  context: EntryContext,
  takes: readonly { lotId: string; connects: number }[],
  kind: ConnectEntryKind,
): Promise<void> {
  for (const take of takes) {
    if (take.connects === 0) continue;
    const updated = await tx.connectLot.updateMany({
      where: { id: take.lotId, remaining: { gte: take.connects } },
      data: { remaining: { decrement: take.connects } },
    });
    if (updated.count !== 1) throw new Error(`Connect lot ${take.lotId} changed underneath a locked operation`);
    await tx.connectEntry.create({
      data: {
        userId: context.userId,
        lotId: take.lotId,
        kind,
        delta: -take.connects,
        reason: context.reason,
        note: context.note ?? null,
        proposalId: context.proposalId ?? null,
        jobId: context.jobId ?? null,
        idempotencyKey: `${context.key}#${take.lotId}`,
        createdAt: context.now,
      },
    });
  }
}

/**
 * The SPEND rows of `takes` as takeFromLots writes them (lots giving none left out; each entry's
 * key `<key>#<lotId>`), for a service that writes them in one statement with the rest of its change.
 */
export const spendTakes = (takes: readonly { lotId: string; connects: number }[], key: string, reason: ConnectEntryReason) =>
  takes.filter((take) => take.connects !== 0).map((take) => ({ lotId: take.lotId, connects: take.connects, reason, key: `${key}#${take.lotId}` }));

/** What a proposal still holds from each lot: spent minus refunded. */
export async function heldByProposal(tx: Tx, proposalId: string): Promise<HeldFromLot[]> {
  const entries = await tx.connectEntry.findMany({
    where: { proposalId, kind: { in: ["SPEND", "REFUND"] } },
    select: { lotId: true, delta: true, lot: { select: { expiresAt: true, reissuedFrom: true } } },
    orderBy: { id: "asc" },
  });
  const held = new Map<string, HeldFromLot>();
  for (const entry of entries) {
    // A refund into a re-issued lot pays back the original lot it replaced.
    const lotId = entry.delta > 0 && entry.lot.reissuedFrom ? entry.lot.reissuedFrom : entry.lotId;
    const current = held.get(lotId) ?? { lotId, connects: 0, expiresAt: entry.lot.expiresAt };
    current.connects -= entry.delta;
    if (entry.lotId === lotId) current.expiresAt = entry.lot.expiresAt;
    held.set(lotId, current);
  }
  return [...held.values()].filter((lot) => lot.connects > 0);
}

/**
 * Returns `connects` of a proposal to the lots it took them from, or to a new
 * 30-day lot where the original has expired (economy.md §2.5). Returns the number refunded.
 */
export async function refundProposalConnects(
  tx: Tx,
  input: EntryContext & { proposalId: string; connects?: number; reissueExpiryDays: number },
): Promise<number> {
  await lockConnects(tx, input.userId);
  const held = await heldByProposal(tx, input.proposalId);
  const plan = planRefund({
    held,
    connects: input.connects,
    now: input.now,
    settings: { connectRefundReissueExpiryDays: input.reissueExpiryDays },
  });
  let refunded = 0;
  for (const give of plan.toLots) {
    await tx.connectLot.update({ where: { id: give.lotId }, data: { remaining: { increment: give.connects } } });
    await tx.connectEntry.create({
      data: {
        userId: input.userId,
        lotId: give.lotId,
        kind: "REFUND",
        delta: give.connects,
        reason: input.reason,
        note: input.note ?? null,
        proposalId: input.proposalId,
        jobId: input.jobId ?? null,
        idempotencyKey: `${input.key}#${give.lotId}`,
        createdAt: input.now,
      },
    });
    refunded += give.connects;
  }
  if (plan.reissue) {
    const expiredLot = held.find((lot) => lot.expiresAt.getTime() <= input.now.getTime());
    await issueLot(tx, {
      ...input,
      source: "REFUND_REISSUE",
      connects: plan.reissue.connects,
      expiresAt: plan.reissue.expiresAt,
      reissuedFrom: expiredLot?.lotId ?? null,
      kind: "REFUND",
    });
    refunded += plan.reissue.connects;
  }
  return refunded;
}
