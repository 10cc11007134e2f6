import { membershipCycleAt, membershipCycleBoundary, membershipPaymentEntries } from "@fairlance/rules";
import type { PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { DomainError, isDomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { openLots, writeOffLots } from "./balance";
import type { SystemCall } from "../actor";
import { recordCharge, type CardCharge } from "./payment";
import { notify } from "../../notifications";
import { asClause, LINKS } from "../../notifications/event-helpers";

export interface MembershipRenewal {
  membershipId: string;
  userId: string;
  cycleIndex: number;
  outcome: "renewed" | "lapsed";
  chargedMinor: bigint;
  connectsGranted: number;
  /** Connects written off at the boundary: above the rollover cap, or past their own expiry. */
  connectsExpired: number;
  lapseReason: string | null;
}

const CYCLE_SELECT = { id: true, userId: true, status: true, anchorAt: true, currentPeriodEnd: true, paymentMethodId: true } as const;

/**
 * Renews every active membership whose cycle ended by `now` (economy.md §2.1, §2.2), one cycle at a time:
 * at each boundary lots past expiry expire and the balance is capped; then the renewal is charged —
 * success grants the new cycle's connects, a failure lapses the membership. Idempotent per
 * membership and cycle: running it again for the same `now` changes nothing.
 */
export async function renewMemberships(
  prisma: PrismaClient,
  call: SystemCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<{ renewals: MembershipRenewal[] }> {
  const { now } = call;
  const gateway = deps.gateway ?? getGateway();
  const due = await prisma.membership.findMany({
    where: { status: "ACTIVE", currentPeriodEnd: { lte: now } },
    orderBy: [{ currentPeriodEnd: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const renewals: MembershipRenewal[] = [];
  for (const { id } of due) {
    // A membership several cycles behind (the scheduler was down) renews cycle by cycle.
    for (let renewal = await renewOneCycle(prisma, id, now, gateway); renewal; renewal = await renewOneCycle(prisma, id, now, gateway)) {
      renewals.push(renewal);
      if (renewal.outcome === "lapsed") break;
    }
  }
  return { renewals };
}

async function renewOneCycle(prisma: PrismaClient, membershipId: string, now: Date, gateway: PaymentGateway): Promise<MembershipRenewal | null> {
  const membership = await prisma.membership.findUnique({ where: { id: membershipId }, select: CYCLE_SELECT });
  if (!membership || membership.status !== "ACTIVE" || membership.currentPeriodEnd.getTime() > now.getTime()) return null;
  const boundary = membership.currentPeriodEnd;
  const cycle = membershipCycleAt(membership.anchorAt, boundary);
  const key = `membership.renew:${membership.id}:${cycle.index}`;
  // The renewal is priced with the settings in force when the new cycle starts.
  const { settings } = await loadSettings(prisma, boundary);
  const priceMinor = settings.membershipPriceMinor;

  const card = membership.paymentMethodId
    ? await prisma.paymentMethod.findFirst({ where: { id: membership.paymentMethodId, userId: membership.userId, status: "VERIFIED" }, select: { id: true, gatewayRef: true } })
    : null;
  let charge: CardCharge | null = null;
  // Why it lapses, as a clause ("there is no verified card on file") and as the stored sentence.
  let failure: string | null = card ? null : "there is no verified card on file";
  let lapseReason: string | null = card ? null : `The renewal could not be charged: ${failure}.`;
  if (card && priceMinor > 0n) {
    const result = await gateway.charge({ cardRef: card.gatewayRef, amountMinor: priceMinor, idempotencyKey: key, description: "Freelancer Plus renewal" });
    if (result.ok) charge = { ref: result.ref, amountMinor: priceMinor, key, paymentMethodId: card.id };
    else {
      failure = asClause(result.reason);
      lapseReason = `The renewal payment failed: ${result.reason}`;
    }
  }

  try {
    return await recordCharge(prisma, gateway, charge, () =>
      runTransaction(prisma, async (tx): Promise<{ result: MembershipRenewal | null; replayed: boolean }> => {
        await lockConnects(tx, membership.userId);
        const current = await tx.membership.findUniqueOrThrow({ where: { id: membershipId }, select: CYCLE_SELECT });
        // Another run already renewed this cycle (with the same provider key, so the same charge).
        if (current.currentPeriodEnd.getTime() !== boundary.getTime()) return { result: null, replayed: true };
        if (current.status !== "ACTIVE") throw new DomainError("CONFLICT", "The membership was cancelled while it renewed.");

        const { expirations, grant } = membershipCycleBoundary({ lots: await openLots(tx, membership.userId), now, settings });
        const connectsExpired = await writeOffLots(tx, membership.userId, expirations, now, `${key}:cap`);
        const base = { membershipId, userId: membership.userId, cycleIndex: cycle.index, connectsExpired };

        if (lapseReason) {
          await tx.membership.update({ where: { id: membershipId }, data: { status: "LAPSED", lapsedAt: now, lapseReason } });
          await notify(tx, {
            userId: membership.userId,
            kind: "membership_failed",
            eventKey: `membership_failed:${membershipId}:${cycle.index}`,
            data: { amountMinor: priceMinor, reason: failure ?? asClause(lapseReason) },
            link: LINKS.connects(),
            now,
          });
          return { result: { ...base, outcome: "lapsed", chargedMinor: 0n, connectsGranted: 0, lapseReason }, replayed: false };
        }
        await tx.membership.update({
          where: { id: membershipId },
          data: {
            currentPeriodStart: cycle.startsAt,
            currentPeriodEnd: cycle.endsAt,
            priceMinor,
            monthlyConnects: grant.connects,
            cyclesBilled: { increment: 1 },
          },
        });
        if (charge) {
          await tx.charge.create({
            data: { userId: membership.userId, paymentMethodId: charge.paymentMethodId, amountMinor: priceMinor, purpose: "membership", gatewayRef: charge.ref, createdAt: now },
          });
          await postTransfers(tx, membershipPaymentEntries({ freelancerId: membership.userId, priceMinor, cycleStartsAt: cycle.startsAt }), {
            key,
            operation: "membership.renew",
            now,
            userId: membership.userId,
          });
        }
        if (grant.connects > 0) {
          await issueLot(tx, { userId: membership.userId, key, now, reason: "membership_grant", source: "MEMBERSHIP", connects: grant.connects, expiresAt: grant.expiresAt });
        }
        await notify(tx, {
          userId: membership.userId,
          kind: "membership_renewed",
          eventKey: `membership_renewed:${membershipId}:${cycle.index}`,
          data: { amountMinor: charge ? priceMinor : 0n, connects: grant.connects, renewsAt: cycle.endsAt },
          link: LINKS.connects(),
          now,
        });
        return { result: { ...base, outcome: "renewed", chargedMinor: charge ? priceMinor : 0n, connectsGranted: grant.connects, lapseReason: null }, replayed: false };
      }),
      // The answer to the COMMIT was lost: the cycle moved on, so the renewal (and its charge) was recorded.
      async () => {
        const current = await prisma.membership.findUnique({ where: { id: membershipId }, select: { currentPeriodEnd: true } });
        return current && current.currentPeriodEnd.getTime() !== boundary.getTime() ? { result: null } : null;
      },
    );
  } catch (error) {
    if (isDomainError(error) && error.code === "CONFLICT") return null;
    throw error;
  }
}
