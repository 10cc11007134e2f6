// How the chaos mode judges the answers that were not a success (pure: schedule.test.ts).

/** The app's answer while it cannot reach its database (apps/web/server/database-unavailable.ts): the one documented 5xx. */
const DATABASE_UNAVAILABLE = /^HTTP 503 SERVICE_UNAVAILABLE: The marketplace cannot reach its database right now/;
/** HAProxy's own pages, for a request on an instance that died under it (502) or with no instance up (503). */
const PROXY_ANSWER = /^HTTP (502|503|504) UNPARSEABLE: .*(Bad Gateway|Service Unavailable|Gateway Time-out)/i;

export type FiveHundredKind = "database unavailable (503, documented)" | "load balancer (instance died mid-request)" | "connection cut or timed out" | "other 5xx";

/** What an answer that said nothing was: the documented ones are allowed, any other 5xx fails the run. */
export function classifyUnknown(cause: string): FiveHundredKind {
  if (DATABASE_UNAVAILABLE.test(cause)) return "database unavailable (503, documented)";
  if (PROXY_ANSWER.test(cause)) return "load balancer (instance died mid-request)";
  if (cause.startsWith("connection:") || cause === "request timed out") return "connection cut or timed out";
  return "other 5xx";
}

/** A refusal a person can read: a sentence, not a code, a stack or JSON. */
export function readableRefusal(message: string): boolean {
  const text = message.trim();
  return text.length >= 10 && /^[A-Z"“]/.test(text) && /[.!?)"”]$/.test(text) && !/^\{|\bat .+\(.+:\d+:\d+\)|Error:/.test(text);
}
