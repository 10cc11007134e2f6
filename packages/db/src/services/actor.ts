import { roleList, type RoleName } from "@fairlance/rules";
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
 */
export async function requireActor(
  db: Db,
  call: Pick<ActorCall, "actorId" | "actor">,
  roles: Role | readonly Role[],
  what: string,
  options: { active?: boolean } = {},
): Promise<Actor> {
  const actor = call.actor?.id === call.actorId ? call.actor : await readActor(db, call.actorId);
  if (!actor) throw accountGone();
  const allowed: readonly Role[] = typeof roles === "string" ? [roles] : roles;
  if (!allowed.includes(actor.role)) throw new DomainError("FORBIDDEN", `Only ${roleList(allowed as readonly RoleName[])} can ${what}.`);
  if (options.active && actor.suspendedAt) {
    throw new DomainError("ACCOUNT_SUSPENDED", `Your account is suspended (${actor.suspendedReason ?? "contact support"}), so you cannot ${what}.`);
  }
  return actor;
}
