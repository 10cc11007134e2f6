import { createPrismaClient, type PrismaClient } from "./client";
import { isDatabaseUnavailable, isRecoveryConflict } from "./database-unavailable";

/**
 * A read that may be a few seconds stale (docs/architecture.md, "Which reads may go to the
 * replica"): it is given a client and runs on the replica when DATABASE_REPLICA_URL is set and the
 * replica is up, on the primary otherwise. It must only read, so it can be run again elsewhere.
 */
export type StaleRead<T> = (db: PrismaClient) => Promise<T>;

export interface ReplicaReadsOptions {
  /** The streaming replica (DATABASE_REPLICA_URL). */
  url: string;
  /** How long the replica stays away after a failure before a read probes it again (default 5 s). */
  awayMs?: number;
  /** How long a read waits for a connection to the replica before it falls back (default 2 s). */
  connectTimeoutMs?: number;
  /** Connections of the replica's pool (default 4). */
  max?: number;
  /** Where the changes of state are written (default: console.warn with "[replica] "). */
  log?: (line: string) => void;
  /** Milliseconds now (tests move it). */
  clock?: () => number;
  /** The replica's client (tests); made lazily from `url` otherwise. */
  client?: PrismaClient;
}

export type ReplicaState = "unused" | "up" | "away" | "probing";

/** Where a read went, for the tests and the scale bench's counters. */
export interface ReplicaCounts {
  replica: number;
  primary: number;
  fallbacks: number;
}

/**
 * Read-model routing to a streaming replica with fallback to the primary: a small circuit breaker.
 *
 * - **up**: stale reads go to the replica. A read that fails because the replica cannot be reached
 *   (refused, timed out, restarting, shutting down: the same test as the API's 503) is run again on
 *   the primary at once, and the replica is marked **away** for `awayMs`.
 * - **away**: stale reads go to the primary. After `awayMs` one read **probes** the replica (the
 *   others keep going to the primary); if it succeeds the replica is **up** again, otherwise away
 *   for another `awayMs`.
 * - A recovery conflict (the standby cancelled the query to replay WAL) is retried on the primary
 *   without marking the replica away: the replica is working, that one query lost the race.
 *
 * Each change of state writes one line: `[replica] away: <reason>; stale reads go to the primary
 * for 5 s` and `[replica] up: stale reads go to the replica again`. Any other error (a bug in the
 * read, a refusal) is thrown as it is: it would fail on the primary too.
 */
export class ReplicaReads {
  readonly url: string;
  private readonly awayMs: number;
  private readonly connectTimeoutMs: number;
  private readonly max: number;
  private readonly log: (line: string) => void;
  private readonly clock: () => number;
  private client: PrismaClient | undefined;
  private current: ReplicaState = "unused";
  private awayUntil = 0;
  readonly counts: ReplicaCounts = { replica: 0, primary: 0, fallbacks: 0 };

  constructor(options: ReplicaReadsOptions) {
    this.url = options.url;
    this.awayMs = options.awayMs ?? 5_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
    this.max = options.max ?? 4;
    this.log = options.log ?? ((line) => console.warn(`[replica] ${line}`));
    this.clock = options.clock ?? Date.now;
    this.client = options.client;
  }

  /** "unused" until the first read; then up, away or probing. */
  get state(): ReplicaState {
    return this.current;
  }

  /** Runs `read` on the replica when it is up (or due for a probe), on the primary otherwise or when the replica fails. */
  async read<T>(primary: PrismaClient, read: StaleRead<T>): Promise<T> {
    if (this.current === "probing" || (this.current === "away" && this.clock() < this.awayUntil)) {
      this.counts.primary++;
      return read(primary);
    }
    const probe = this.current === "away";
    if (probe) this.current = "probing";
    try {
      const result = await read(this.replica());
      this.counts.replica++;
      if (this.current !== "up") {
        if (this.current !== "unused") this.log("up: stale reads go to the replica again");
        this.current = "up";
      }
      return result;
    } catch (error) {
      if (isRecoveryConflict(error)) {
        if (probe) this.current = "away";
        this.counts.fallbacks++;
        this.counts.primary++;
        return read(primary);
      }
      if (!isDatabaseUnavailable(error)) {
        if (probe) this.current = "away";
        throw error;
      }
      this.markAway(error);
      this.counts.fallbacks++;
      this.counts.primary++;
      return read(primary);
    }
  }

  private markAway(error: unknown): void {
    this.awayUntil = this.clock() + this.awayMs;
    if (this.current === "away" || this.current === "probing") {
      this.current = "away";
      return;
    }
    this.current = "away";
    this.log(`away: ${reasonOf(error)}; stale reads go to the primary for ${Math.round(this.awayMs / 100) / 10} s, then one probes the replica`);
  }

  private replica(): PrismaClient {
    this.client ??= createPrismaClient(this.url, { max: this.max, connectionTimeoutMillis: this.connectTimeoutMs });
    return this.client;
  }

  /** Closes the replica's pool (tests, shutdown). */
  async close(): Promise<void> {
    await this.client?.$disconnect();
    this.client = undefined;
  }
}

/** The last line of the error's message (Prisma's ends with what the driver said), with its code. */
function reasonOf(error: unknown): string {
  const e = (error && typeof error === "object" ? error : {}) as { message?: unknown; code?: unknown };
  const message = typeof e.message === "string" ? e.message : String(error);
  const line = message.trim().split("\n").filter(Boolean).pop() ?? "unreachable";
  return `${line.slice(0, 200)}${typeof e.code === "string" ? ` (${e.code})` : ""}`;
}
