import pg from "pg";
import { NOTIFICATION_CHANNEL } from "./channel";

export interface ListenerOptions {
  /** A direct connection to PostgreSQL: LISTEN needs a session of its own (not PgBouncer in transaction mode). */
  connectionString: string;
  channel?: string;
  /** The wait before reconnecting after the connection dropped or could not be made: doubling from `firstMs` up to `maxMs`. */
  retry?: { firstMs?: number; maxMs?: number };
  /** How often the connection is checked while someone listens (a connection that died silently says nothing). */
  healthCheckMs?: number;
  log?: (message: string) => void;
}

type Handler = () => void;

/**
 * The process's one LISTEN connection to PostgreSQL on the notifications channel, fanned out in
 * memory: `listen(userId, handler)` calls `handler` whenever a committed transaction signalled
 * that person's notifications changed (channel.ts), whichever web instance or runner made the
 * change. The connection opens with the first listener and stays open; when it drops (or cannot
 * be made) it is made again with back-off, and once it is back every listener is called, since a
 * signal sent while it was down is lost.
 */
export class NotificationListener {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly channel: string;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly healthCheckMs: number;
  private readonly log: (message: string) => void;
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly options: ListenerOptions) {
    this.channel = options.channel ?? NOTIFICATION_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel)) throw new Error(`The channel name "${this.channel}" is not a plain lower-case identifier.`);
    this.firstRetryMs = options.retry?.firstMs ?? 500;
    this.maxRetryMs = options.retry?.maxMs ?? 30_000;
    this.healthCheckMs = options.healthCheckMs ?? 30_000;
    this.log = options.log ?? ((message) => console.warn(`[live] ${message}`));
  }

  /** Calls `handler` on each signal for `userId` from now on; returns what stops it. */
  listen(userId: string, handler: Handler): () => void {
    if (this.closed) throw new Error("The notification listener is closed.");
    let set = this.handlers.get(userId);
    if (!set) this.handlers.set(userId, (set = new Set()));
    set.add(handler);
    this.connect();
    return () => {
      const current = this.handlers.get(userId);
      if (!current?.delete(handler)) return;
      if (current.size === 0) this.handlers.delete(userId);
    };
  }

  /** Whether LISTEN is in place now. */
  get connected(): boolean {
    return this.client !== null;
  }

  /** Resolves once LISTEN is in place (at once if it is). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connect();
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  /** How many handlers listen, for everyone or for one person. */
  listeners(userId?: string): number {
    if (userId !== undefined) return this.handlers.get(userId)?.size ?? 0;
    let total = 0;
    for (const set of this.handlers.values()) total += set.size;
    return total;
  }

  /** Ends the connection for good (tests, shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopHealthChecks();
    await this.starting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** For tests: drops the connection as a network failure would. */
  simulateDrop(): void {
    const client = this.client;
    if (client) this.drop(client, new Error("simulated drop"));
  }

  private connect(): void {
    if (this.closed || this.client || this.starting || this.retryTimer) return;
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true, application_name: "fairlance-live" });
    client.on("notification", (message) => {
      if (message.channel === this.channel && message.payload) this.deliver(message.payload);
    });
    client.on("error", (error) => this.drop(client, error));
    client.on("end", () => this.drop(client, null));
    this.starting = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel}"`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      if (this.failures > 0) this.log(`listening again on ${this.channel} after ${this.failures} failed attempt(s).`);
      this.failures = 0;
      this.startHealthChecks();
      for (const resolve of this.waiting) resolve();
      this.waiting.clear();
      // Whatever was signalled before LISTEN was in place (or while it was down) was not heard.
      for (const userId of [...this.handlers.keys()]) this.deliver(userId);
    })()
      .catch((error: unknown) => {
        this.failures++;
        this.log(`could not listen on ${this.channel} (${(error as Error).message}); trying again in ${this.nextWait()} ms.`);
        this.scheduleRetry();
      })
      .finally(() => {
        this.starting = null;
      });
  }

  private nextWait(): number {
    return Math.min(this.maxRetryMs, this.firstRetryMs * 2 ** Math.max(0, this.failures - 1));
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Nobody listens any more: the next listener connects.
      if (this.handlers.size > 0 || this.waiting.size > 0) this.connect();
    }, this.nextWait());
    this.retryTimer.unref();
  }

  private drop(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    this.stopHealthChecks();
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.failures++;
    this.log(`the LISTEN connection dropped${error ? ` (${error.message})` : ""}; reconnecting in ${this.nextWait()} ms.`);
    this.scheduleRetry();
  }

  private deliver(userId: string): void {
    for (const handler of this.handlers.get(userId) ?? []) {
      try {
        handler();
      } catch (error) {
        this.log(`a listener failed: ${(error as Error).message}`);
      }
    }
  }

  private startHealthChecks(): void {
    this.stopHealthChecks();
    this.healthTimer = setInterval(() => {
      const client = this.client;
      if (!client) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer to a health check in 10 s")), 10_000);
      });
      Promise.race([client.query("SELECT 1"), timeout])
        .catch((error: unknown) => this.drop(client, error as Error))
        .finally(() => clearTimeout(timer));
    }, this.healthCheckMs);
    this.healthTimer.unref();
  }

  private stopHealthChecks(): void {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = null;
  }
}
