const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatDate = (date: Date) => dateFormat.format(date);

const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", timeZoneName: "short" });

/** "Dec 3, 2026, 10:00 AM UTC": a deadline to the minute, in the marketplace's time zone. */
export const formatDateTime = (date: Date) => dateTimeFormat.format(date);

/** "today", "1 day", "3 days", "2 months", "1 year" — how long ago `since` was. */
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
