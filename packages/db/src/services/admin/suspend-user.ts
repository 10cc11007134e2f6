import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { writeAudit } from "../connects/audit";
import { requireActor, type ActorCall } from "../actor";
import { ChosenPerson, noSuchPerson, Text } from "../fields";
import { parseCall } from "../input";
import { revokeSessions } from "../sessions/revoke-sessions";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";
import type { Operation } from "../../operations";
import { applySuspension, liftSuspension, type LiftEffects, type SuspensionEffects } from "./suspension-effects";
import { changePayoutHold } from "./hold-payouts";

/** What the admin sends to suspend a person or lift a suspension; who acts and when come with the call (ActorCall). */
export const SuspendUserInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  userId: ChosenPerson,
  reason: Text(TEXT_RULES.suspendReason),
  /** Suspending only: also hold the person's payouts (economy.md §5.3). */
  holdPayouts: z.boolean("Say whether to hold the payouts.").optional(),
});
export type SuspendUserInput = z.input<typeof SuspendUserInput>;

export interface SuspensionChange {
  userId: string;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  /** What the suspension did to their open things, or what lifting it gave back (economy.md §5.3). */
  effects?: (SuspensionEffects & { payoutsHeld: boolean }) | (LiftEffects & { offersWithdrawn: number; notRestored: string | null });
}

/**
 * Suspends a person or lifts their suspension inside the caller's transaction, audit-logged with
 * the reason: the user row is locked first. Shared by suspendUser and the moderation queue's
 * suspendSender (services/messages/suspend-sender.ts). A suspension pauses the person's open jobs
 * and proposals, withdraws their offers (escrow refunded) and tells the other party of each active
 * contract; lifting gives back what can be given back (suspension-effects.ts, economy.md §5.3).
 * `key` scopes the ledger entries of refunded escrow (the caller's request key; one is made from the
 * person and the moment otherwise); `holdPayouts` also holds their payouts.
 */
export async function changeSuspension(
  tx: Tx,
  change: { actorId: string; userId: string; reason: string; now: Date; suspend: boolean; key?: string; operation?: Operation; holdPayouts?: boolean },
): Promise<SuspensionChange & { name: string; effects: NonNullable<SuspensionChange["effects"]> }> {
  const { actorId, userId, reason, now, suspend } = change;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  const user = locked.length
    ? await tx.user.findUnique({ where: { id: userId }, select: { role: true, name: true, suspendedAt: true, suspendedReason: true } })
    : null;
  if (!user) throw noSuchPerson();
  if (suspend && user.role === "ADMIN") throw new DomainError("CONFLICT", "Admins cannot be suspended here.");
  if (suspend && user.suspendedAt) throw new DomainError("CONFLICT", `${user.name} is already suspended.`);
  if (!suspend && !user.suspendedAt) throw new DomainError("CONFLICT", `${user.name} is not suspended.`);
  const result: SuspensionChange = suspend ? { userId, suspendedAt: now, suspendedReason: reason } : { userId, suspendedAt: null, suspendedReason: null };
  // Lifting reads what the suspension withdrew before the row forgets when it began.
  const lifted = suspend ? null : await liftSuspension(tx, { userId, now });
  await tx.user.update({ where: { id: userId }, data: { suspendedAt: result.suspendedAt, suspendedReason: result.suspendedReason } });
  // A suspension signs the person out everywhere: they sign in again and see why.
  if (suspend) await revokeSessions(tx, userId, { reason: "suspended", now });
  const operation = change.operation ?? (suspend ? "user.suspend" : "user.unsuspend");
  const applied = suspend
    ? await applySuspension(tx, { userId, name: user.name, now, key: change.key ?? `${operation}:${actorId}:${userId}:${now.toISOString()}`, operation, actorId })
    : null;
  const payoutsHeld = suspend && change.holdPayouts && user.role === "FREELANCER" ? (await changePayoutHold(tx, { actorId, userId, reason, now, hold: true, quietIfUnchanged: true })).changed : false;
  const effects = applied ? { ...applied, payoutsHeld } : lifted!;
  const auditId = await writeAudit(tx, {
    actorId,
    action: suspend ? "user.suspend" : "user.unsuspend",
    targetType: "User",
    targetId: userId,
    before: { suspendedAt: user.suspendedAt, suspendedReason: user.suspendedReason },
    after: { suspendedAt: result.suspendedAt, suspendedReason: result.suspendedReason, ...effects },
    reason,
    now,
  });
  // The person is told (they read it when they sign in again): keyed by the audit line, as a person may be suspended more than once.
  await (suspend
    ? notify(tx, { userId, kind: "account_suspended", eventKey: `account_suspended:${auditId}`, data: { reason: withoutFinalStop(reason) }, link: LINKS.dashboard(), now })
    : notify(tx, { userId, kind: "account_unsuspended", eventKey: `account_unsuspended:${auditId}`, data: lifted?.notRestored ? { notRestored: lifted.notRestored } : {}, link: LINKS.dashboard(), now }));
  return { ...result, name: user.name, effects };
}

async function setSuspension(prisma: PrismaClient, rawInput: SuspendUserInput & ActorCall, suspend: boolean): Promise<SuspensionChange> {
  const input = parseCall(SuspendUserInput, rawInput);
  const { actorId, now, userId, reason } = input;
  const operation = suspend ? "user.suspend" : "user.unsuspend";
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", suspend ? "suspend people" : "lift suspensions");
    const { result } = await idempotent(
      tx,
      { operation, userId: actorId, key: input.idempotencyKey, request: { userId, reason, ...(input.holdPayouts ? { holdPayouts: true } : {}) } },
      async () => {
        if (!suspend && input.holdPayouts !== undefined) throw new DomainError("INVALID_REQUEST", "Payouts are held or released on their own; lifting a suspension leaves a hold as it is.");
        const { name: _name, ...change } = await changeSuspension(tx, {
          actorId,
          userId,
          reason,
          now,
          suspend,
          key: `${operation}:${actorId}:${input.idempotencyKey}`,
          holdPayouts: input.holdPayouts ?? false,
        });
        return change;
      },
      jsonCodec<SuspensionChange>(),
    );
    return result;
  });
}

/**
 * An admin suspends a person (economy.md §5.3): every session of theirs ends; they can sign in again
 * and read, and what else they may do is the suspension policy; their open jobs and proposals pause,
 * their offers are withdrawn, the other party of each contract is told; the reason is shown to them.
 */
export const suspendUser = (prisma: PrismaClient, input: SuspendUserInput & ActorCall) => setSuspension(prisma, input, true);

/** An admin lifts a suspension, with a reason; audit-logged. */
export const unsuspendUser = (prisma: PrismaClient, input: SuspendUserInput & ActorCall) => setSuspension(prisma, input, false);
