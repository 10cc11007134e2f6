import { confirmEmailFirst, verificationRequired, type MarketplaceSettings, type VerificationAction } from "@fairlance/rules";
import type { Db } from "../../client";
import { DomainError } from "../../errors";
import { accountGone } from "../actor";

/**
 * Refuses `action` to a person whose email is not confirmed, when the admin setting
 * `verificationRequiredFor` lists it (economy.md §13): FORBIDDEN, saying where the link went.
 * Called by the services that propose, post or publish a job, and withdraw, inside their transaction.
 */
export async function requireConfirmedEmail(
  db: Db,
  userId: string,
  action: VerificationAction,
  settings: Pick<MarketplaceSettings, "verificationRequiredFor">,
): Promise<void> {
  if (!verificationRequired(action, settings)) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  assertConfirmedEmail(user, action, settings);
}

/** `requireConfirmedEmail`'s decision on the person's row read by the caller (null: they are gone). */
export function assertConfirmedEmail(
  user: { email: string; emailVerifiedAt: Date | null } | null,
  action: VerificationAction,
  settings: Pick<MarketplaceSettings, "verificationRequiredFor">,
): void {
  if (!verificationRequired(action, settings)) return;
  if (!user) throw accountGone();
  if (!user.emailVerifiedAt) throw new DomainError("FORBIDDEN", confirmEmailFirst(user.email));
}
