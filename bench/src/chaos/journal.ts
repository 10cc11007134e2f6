/**
 * The money and connects operations the virtual users perform, by tRPC path. Each is stored under
 * the same name (the app names an operation after its procedure: `milestone.fund`).
 */
export const OPERATIONS = {
  "connects.buy": { actor: "freelancer" },
  "proposal.submit": { actor: "freelancer" },
  "milestone.add": { actor: "client" },
  "milestone.fund": { actor: "client" },
  "milestone.submit": { actor: "freelancer" },
  "milestone.approve": { actor: "client" },
  "milestone.refund": { actor: "freelancer" },
  "contract.payBonus": { actor: "client" },
  "payout.withdraw": { actor: "freelancer" },
} as const;

export type OperationPath = keyof typeof OPERATIONS;

export type Outcome =
  | { kind: "success"; result: unknown }
  /** A definitive answer from the app: a 4xx with a readable reason. Nothing may have changed. */
  | { kind: "refused"; status: number; code: string; domainCode: string | null; message: string }
  /** No definitive answer before the deadline: the one outcome a run must never end with. */
  | { kind: "unresolved"; lastError: string };

/** One logical operation: one idempotency key and one input, however many requests it took. */
export interface JournalEntry {
  seq: number;
  path: OperationPath;
  userId: string;
  idempotencyKey: string;
  input: Record<string, unknown>;
  /** HTTP requests sent for this operation (the first one plus its replays). */
  requests: number;
  /** Requests that died with the connection, timed out or got a 5xx, and so were replayed. */
  unknownAnswers: number;
  /** Kills that happened while one of its requests was on the wire. */
  inFlightAtKill: number;
  /** A second, concurrent request with the same key and input (a double click). */
  duplicated: boolean;
  outcome: Outcome | null;
  startedAt: number;
  finishedAt: number | null;
}

/** The service's scoped idempotency key (`<operation>:<user>:<key>`), as stored by the app. */
export const scopedKeyOf = (entry: Pick<JournalEntry, "path" | "userId" | "idempotencyKey">) =>
  `${entry.path}:${entry.userId}:${entry.idempotencyKey}`;

export class Journal {
  readonly entries: JournalEntry[] = [];
  /** Requests on the wire right now, by operation. */
  private readonly inFlight = new Map<JournalEntry, number>();
  inFlightAtKills = 0;
  /** Every 5xx or connection error seen, by a short description, for the report. */
  readonly unknownCauses = new Map<string, number>();
  /** Where a concurrent duplicate got a different answer than the original (must stay empty). */
  readonly duplicateDisagreements: string[] = [];

  open(path: OperationPath, userId: string, idempotencyKey: string, input: Record<string, unknown>): JournalEntry {
    const entry: JournalEntry = {
      seq: this.entries.length + 1,
      path,
      userId,
      idempotencyKey,
      input,
      requests: 0,
      unknownAnswers: 0,
      inFlightAtKill: 0,
      duplicated: false,
      outcome: null,
      startedAt: Date.now(),
      finishedAt: null,
    };
    this.entries.push(entry);
    return entry;
  }

  requestStarted(entry: JournalEntry) {
    entry.requests++;
    this.inFlight.set(entry, (this.inFlight.get(entry) ?? 0) + 1);
  }

  requestEnded(entry: JournalEntry) {
    const left = (this.inFlight.get(entry) ?? 1) - 1;
    if (left <= 0) this.inFlight.delete(entry);
    else this.inFlight.set(entry, left);
  }

  /** Called the moment something is killed: every request on the wire is now in doubt. */
  killed(): number {
    let count = 0;
    for (const [entry, requests] of this.inFlight) {
      entry.inFlightAtKill++;
      count += requests;
    }
    this.inFlightAtKills += count;
    return count;
  }

  unknownAnswer(entry: JournalEntry, cause: string) {
    entry.unknownAnswers++;
    this.unknownCauses.set(cause, (this.unknownCauses.get(cause) ?? 0) + 1);
  }

  get inFlightNow() {
    return [...this.inFlight.values()].reduce((a, b) => a + b, 0);
  }
}
