import { addDays } from "../time";

/**
 * When the marketplace reminds people before a deadline passes (economy.md §11). Fixed numbers of
 * the product, not admin settings: a reminder is only useful with time left to act.
 */

/** The client is reminded this many days before submitted work is approved automatically. */
export const AUTO_APPROVAL_REMINDER_DAYS = 2;

/** A freelancer is warned of connects that expire within this many days. */
export const CONNECTS_EXPIRY_WARNING_DAYS = 7;

/** The latest deadline a reminder sent at `now` covers: deadlines in (now, now + days] are due. */
export function reminderHorizon(now: Date, days: number): Date {
  return addDays(now, days);
}

/** Whether submitted work whose review deadline is `reviewDeadline` is due its reminder at `now`: not yet approved, at most two days away. */
export function autoApprovalReminderDue(reviewDeadline: Date, now: Date): boolean {
  return reviewDeadline.getTime() > now.getTime() && reviewDeadline.getTime() <= reminderHorizon(now, AUTO_APPROVAL_REMINDER_DAYS).getTime();
}

/** Whether a lot that still holds `remaining` connects and expires at `expiresAt` is due its warning at `now`: within seven days, not yet expired. */
export function connectsExpiryWarningDue(lot: { remaining: number; expiresAt: Date }, now: Date): boolean {
  return lot.remaining > 0 && lot.expiresAt.getTime() > now.getTime() && lot.expiresAt.getTime() <= reminderHorizon(now, CONNECTS_EXPIRY_WARNING_DAYS).getTime();
}
