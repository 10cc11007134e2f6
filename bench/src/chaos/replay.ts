import { canonicalText } from "@fairlance/rules";
import superjson from "superjson";
import { trpc } from "../harness/http";
import type { Journal, JournalEntry, OperationPath, Outcome } from "./journal";
import { sleep } from "./random";

export interface Session {
  userId: string;
  email: string;
  cookie: string;
}

/** One request may hang on a dying server: it is given up after this long and replayed. */
const REQUEST_TIMEOUT_MS = 20_000;
/** An operation with no definitive answer after this long is reported as unresolved. */
const OPERATION_DEADLINE_MS = 150_000;

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "request timed out";
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `connection: ${cause?.code ?? cause?.message ?? error.message}`;
  }
  return String(error);
}

/**
 * Sends one request until the app gives a definitive answer: a result, or a 4xx refusal.
 * A connection error, a timeout or a 5xx says nothing about what happened, so the same
 * request (same idempotency key, same input) is sent again: this is the replay.
 */
async function untilDefinitive(journal: Journal, baseUrl: string, session: Session, entry: JournalEntry): Promise<Outcome> {
  const deadline = Date.now() + OPERATION_DEADLINE_MS;
  let lastError = "";
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    journal.requestStarted(entry);
    try {
      const answer = await trpc(baseUrl, session.cookie, entry.path, entry.input, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      if (answer.ok) return { kind: "success", result: answer.data };
      if (answer.status >= 400 && answer.status < 500) {
        return { kind: "refused", status: answer.status, code: answer.error.code, domainCode: answer.error.domainCode, message: answer.error.message };
      }
      lastError = `HTTP ${answer.status} ${answer.error.code}: ${answer.error.message.replace(/\s+/g, " ").slice(0, 120)}`;
    } catch (error) {
      lastError = describeFailure(error);
    } finally {
      journal.requestEnded(entry);
    }
    journal.unknownAnswer(entry, lastError.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>"));
    await sleep(Math.min(attempt, 10) * 150 + Math.random() * 150);
  }
  return { kind: "unresolved", lastError };
}

const same = (a: Outcome, b: Outcome) => {
  if (a.kind === "success" && b.kind === "success") return canonicalText(a.result) === canonicalText(b.result);
  if (a.kind === "refused" && b.kind === "refused") return a.code === b.code && a.domainCode === b.domainCode;
  return a.kind === b.kind;
};

/**
 * Performs one logical operation and journals it. With `duplicate`, a second identical request
 * is sent at the same moment (a double click): both must get the same answer.
 */
export async function perform(
  journal: Journal,
  baseUrl: string,
  session: Session,
  path: OperationPath,
  input: Record<string, unknown> & { idempotencyKey: string },
  options: { duplicate?: boolean } = {},
): Promise<JournalEntry> {
  const entry = journal.open(path, session.userId, input.idempotencyKey, input);
  entry.duplicated = options.duplicate === true;
  if (entry.duplicated) {
    const [first, second] = await Promise.all([
      untilDefinitive(journal, baseUrl, session, entry),
      sleep(Math.random() * 30).then(() => untilDefinitive(journal, baseUrl, session, entry)),
    ]);
    if (!same(first, second)) {
      journal.duplicateDisagreements.push(
        `#${entry.seq} ${path} ${entry.idempotencyKey}: ${JSON.stringify(superjson.serialize(first).json)} vs ${JSON.stringify(superjson.serialize(second).json)}`,
      );
    }
    entry.outcome = first.kind === "success" || second.kind !== "success" ? first : second;
  } else {
    entry.outcome = await untilDefinitive(journal, baseUrl, session, entry);
  }
  entry.finishedAt = Date.now();
  return entry;
}
