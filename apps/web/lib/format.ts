/**
 * Dates shown to people: one time zone (UTC, the marketplace's, economy.md §3.4) and one style, so
 * the server and every browser print the same day. What "now" is comes from the server (the
 * marketplace clock, economy.md §0.7), never from the browser's own clock.
 */
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "Jan 1, 2026". */
export const formatDate = (date: Date) => dateFormat.format(date);

/** "Fri, May 24, 2026": a date with its weekday. */
export const formatDay = (date: Date) => dayFormat.format(date);

/** "Jan 1, 2026, 12:30 AM UTC". */
export const formatDateTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;

/**
 * The last day before an exclusive end: a deadline stored as "Saturday 00:00 UTC" is the end of
 * Friday, so it reads "Fri, May 24, 2026" (economy.md §3.4).
 */
export const formatLastDay = (exclusiveEnd: Date) => formatDay(new Date(exclusiveEnd.getTime() - 1));

/** "today", "1 day", "3 days", "2 months", "1 year" — how long ago `since` was, at the marketplace's `now`. */
export function formatAge(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  if (days < 1) return "today";
  if (days < 60) return `${days} day${days === 1 ? "" : "s"}`;
  const months = Math.floor(days / 30.4375);
  if (months < 24) return `${months} months`;
  return `${Math.floor(days / 365.25)} years`;
}

export const JOB_STATUS_LABEL: Record<string, string> = {
  DRAFT: "Draft",
  OPEN: "Open",
  HIRED: "Hired",
  CLOSED: "Closed without hire",
  EXPIRED: "Expired",
  REMOVED: "Removed",
};
