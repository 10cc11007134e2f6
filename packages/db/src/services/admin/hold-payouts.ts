import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { writeAudit } from "../connects/audit";
import { ChosenPerson, noSuchPerson, Text } from "../fields";
import { parseCall } from "../input";

/** What the admin sends to hold a person's payouts or release the hold; who acts and when come with the call (ActorCall). */
export const HoldPayoutsInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  userId: ChosenPerson,
  reason: Text(TEXT_RULES.suspendReason),
});
export type HoldPayoutsInput = z.input<typeof HoldPayoutsInput>;

export interface PayoutHold {
  userId: string;
  payoutsHeldAt: Date | null;
  payoutsHeldReason: string | null;
}

/**
 * Holds a freelancer's payouts or releases the hold (economy.md §5.3), in the caller's transaction,
 * audit-logged with the reason; the person is told. The user row is locked FOR UPDATE: a withdrawal
 * reads it FOR KEY SHARE (`assertPayoutsNotHeld`), so it happened before the hold or is refused after it.
 * `quietIfUnchanged` (a suspension that also holds): an existing hold is left as it is.
 */
export async function changePayoutHold(
  tx: Tx,
  change: { actorId: string; userId: string; reason: string; now: Date; hold: boolean; quietIfUnchanged?: boolean },
): Promise<PayoutHold & { changed: boolean }> {
  const { actorId, userId, reason, now, hold } = change;
  const [user] = await tx.$queryRaw<{ name: string; role: string; payoutsHeldAt: Date | null; payoutsHeldReason: string | null }[]>`
    SELECT name, role::text AS role, "payoutsHeldAt", "payoutsHeldReason" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!user) throw noSuchPerson();
  if (user.role !== "FREELANCER") throw new DomainError("CONFLICT", `${user.name} is not a freelancer: only freelancers have payouts to hold.`);
  const unchanged = hold ? user.payoutsHeldAt !== null : user.payoutsHeldAt === null;
  if (unchanged) {
    if (change.quietIfUnchanged) return { userId, payoutsHeldAt: user.payoutsHeldAt, payoutsHeldReason: user.payoutsHeldReason, changed: false };
    throw new DomainError("CONFLICT", hold ? `${user.name}'s payouts are already held.` : `${user.name}'s payouts are not held.`);
  }
  const after: PayoutHold = hold ? { userId, payoutsHeldAt: now, payoutsHeldReason: reason } : { userId, payoutsHeldAt: null, payoutsHeldReason: null };
  await tx.user.update({ where: { id: userId }, data: { payoutsHeldAt: after.payoutsHeldAt, payoutsHeldReason: after.payoutsHeldReason } });
  const auditId = await writeAudit(tx, {
    actorId,
    action: hold ? "user.holdPayouts" : "user.releasePayouts",
    targetType: "User",
    targetId: userId,
    before: { payoutsHeldAt: user.payoutsHeldAt, payoutsHeldReason: user.payoutsHeldReason },
    after: { payoutsHeldAt: after.payoutsHeldAt, payoutsHeldReason: after.payoutsHeldReason },
    reason,
    now,
  });
  await (hold
    ? notify(tx, { userId, kind: "payouts_held", eventKey: `payouts_held:${auditId}`, data: { reason: withoutFinalStop(reason) }, link: LINKS.payouts(), now })
    : notify(tx, { userId, kind: "payouts_released", eventKey: `payouts_released:${auditId}`, data: {}, link: LINKS.payouts(), now }));
  return { ...after, changed: true };
}

/**
 * Refuses a withdrawal while an admin holds the person's payouts (economy.md §5.3). Reads the row
 * FOR KEY SHARE in the withdrawal's transaction.
 */
export async function assertPayoutsNotHeld(tx: Tx, userId: string): Promise<void> {
  const reason = await payoutHoldOf(tx, userId);
  if (reason !== null) throw new DomainError("FORBIDDEN", `An admin holds your payouts (${reason}), so you cannot withdraw until the hold is released.`);
}

/** The reason of the hold on this person's payouts, or null; the row read FOR KEY SHARE (it waits for a hold's FOR UPDATE). */
export async function payoutHoldOf(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ payoutsHeldAt: Date | null; payoutsHeldReason: string | null }[]>`
    SELECT "payoutsHeldAt", "payoutsHeldReason" FROM "User" WHERE id = ${userId}::uuid FOR KEY SHARE`;
  return row?.payoutsHeldAt ? (row.payoutsHeldReason ?? "contact support") : null;
}

async function setPayoutHold(prisma: PrismaClient, rawInput: HoldPayoutsInput & ActorCall, hold: boolean): Promise<PayoutHold> {
  const input = parseCall(HoldPayoutsInput, rawInput);
  const { actorId, now, userId, reason } = input;
  const operation = hold ? "user.holdPayouts" : "user.releasePayouts";
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", hold ? "hold payouts" : "release payouts");
    const { result } = await idempotent(
      tx,
      { operation, userId: actorId, key: input.idempotencyKey, request: { userId, reason } },
      async () => {
        const { changed: _changed, ...after } = await changePayoutHold(tx, { actorId, userId, reason, now, hold });
        return after;
      },
      jsonCodec<PayoutHold>(),
    );
    return result;
  });
}

/** An admin holds a freelancer's payouts, with a reason: no withdrawal, manual or automatic, until released. */
export const holdPayouts = (prisma: PrismaClient, input: HoldPayoutsInput & ActorCall) => setPayoutHold(prisma, input, true);

/** An admin releases the hold on a freelancer's payouts, with a reason. */
export const releasePayouts = (prisma: PrismaClient, input: HoldPayoutsInput & ActorCall) => setPayoutHold(prisma, input, false);
