import { roleList, suspendedSentence, type RoleName } from "@fairlance/rules";
import type { Db, Role } from "../client";
import { DomainError } from "../errors";

/** The person acting, as every operation checks them. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

/**
 * Who acts and when: the part of an operation's input the caller does not type. The web app passes
 * `actor` as it read it with the session (one read of the user per request); scripts and tests
 * pass `actorId` alone and the operation reads the person itself.
 */
export interface ActorCall {
  actorId: string;
  now: Date;
  actor?: Actor;
}

/** The job runner's and the seed's calls: no person acts. */
export interface SystemCall {
  now: Date;
}

export const ACTOR_COLUMNS = { id: true, name: true, role: true, suspendedAt: true, suspendedReason: true } as const;

/** The refusal when the person acting has been deleted since they signed in. */
export const accountGone = () => new DomainError("NOT_FOUND", "Your account no longer exists. Sign in again.");

/** The person with this id, or null. */
export const readActor = (db: Db, id: string): Promise<Actor | null> => db.user.findUnique({ where: { id }, select: ACTOR_COLUMNS });

/**
 * The one check of who may act: the person exists and has one of `roles`; `active` also refuses a
 * suspended account. `what` finishes the sentences: "Only clients can {what}.", "…so you cannot {what}."
 *
 * With `active`, the suspension is read again from the person's row, locked FOR NO KEY UPDATE in the
 * caller's transaction (a lock two transactions never share, so one that later locks the row FOR
 * UPDATE, as lockConnects does, cannot deadlock with another of the same person): a suspension (which locks the row FOR UPDATE, services/admin/suspend-user.ts)
 * either committed before and refuses the operation, or waits for it to commit and then cascades
 * what it made (economy.md §5.3). The web app refuses earlier by the suspension policy
 * (@fairlance/rules SUSPENSION_POLICY); this is the same decision made again inside the transaction.
 */
export async function requireActor(
  db: Db,
  call: Pick<ActorCall, "actorId" | "actor">,
  roles: Role | readonly Role[],
  what: string,
  options: { active?: boolean } = {},
): Promise<Actor> {
  const actor = checkActor(call.actor?.id === call.actorId ? call.actor : await readActor(db, call.actorId), roles, what);
  if (!options.active) return actor;
  const [row] = await db.$queryRaw<{ suspendedAt: Date | null; suspendedReason: string | null }[]>`
    SELECT "suspendedAt", "suspendedReason" FROM "User" WHERE id = ${actor.id}::uuid FOR NO KEY UPDATE`;
  return checkActor(row ? { ...actor, ...row } : null, roles, what, options);
}

/**
 * requireActor's decision on the person as read (null when they no longer exist), for an operation
 * that reads them in a statement of its own (submitProposal locks them FOR NO KEY UPDATE, as
 * requireActor does, in the statement that locks the job): the same refusals, in the same order.
 */
export function checkActor(actor: Actor | null | undefined, roles: Role | readonly Role[], what: string, options: { active?: boolean } = {}): Actor {
  if (!actor) throw accountGone();
  const allowed: readonly Role[] = typeof roles === "string" ? [roles] : roles;
  if (!allowed.includes(actor.role)) throw new DomainError("FORBIDDEN", `Only ${roleList(allowed as readonly RoleName[])} can ${what}.`);
  if (options.active && actor.suspendedAt) throw new DomainError("ACCOUNT_SUSPENDED", suspendedSentence(actor.suspendedReason, what));
  return actor;
}

/**
 * The other person of a new offer or invitation, read FOR KEY SHARE (it waits only for a suspension's FOR UPDATE, not for their own operations): null when they do not exist, and
 * `suspended` true while their account is suspended (economy.md §5.3). The lock orders the new
 * offer against a suspension of that person: one of them waits for the other.
 */
export async function lockCounterpart(db: Db, userId: string): Promise<{ role: Role; suspended: boolean } | null> {
  const [row] = await db.$queryRaw<{ role: Role; suspendedAt: Date | null }[]>`SELECT role, "suspendedAt" FROM "User" WHERE id = ${userId}::uuid FOR KEY SHARE`;
  return row ? { role: row.role, suspended: row.suspendedAt !== null } : null;
}

/** The refusal of a new offer or invitation to a suspended person; their reason stays private. */
export const counterpartSuspended = (what: string) => new DomainError("CONFLICT", `This person's account is under review, so you cannot ${what} for now.`);
