/** The bell's accessible name and what it announces: "3 unread notifications" (exact, however many). */
export function bellLabel(count: number | null): string {
  if (count === null) return "Notifications";
  if (count === 0) return "No unread notifications";
  return `${count.toLocaleString("en-US")} unread notification${count === 1 ? "" : "s"}`;
}

/** Where the bell asks for the count when live updates cannot reach it, and how often. */
export const UNREAD_COUNT_URL = "/api/trpc/notification.unreadCount";
export const POLL_MS = 30_000;
export const STREAM_URL = "/api/notifications/stream";

/** The count in a tRPC answer to `notification.unreadCount` (typed JSON: `{ result: { data: { json: n } } }`), or null. */
export function countFromAnswer(answer: unknown): number | null {
  const json = (answer as { result?: { data?: { json?: unknown } } } | null)?.result?.data?.json;
  return typeof json === "number" && Number.isSafeInteger(json) && json >= 0 ? json : null;
}

/** The count in a stream's `unread` event (`{ "count": n }`), or null. */
export function countFromEvent(data: string): number | null {
  try {
    const count = (JSON.parse(data) as { count?: unknown } | null)?.count;
    return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 ? count : null;
  } catch {
    return null;
  }
}
