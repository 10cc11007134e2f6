/** How many live streams one person may have open (tabs, devices); the next one is refused and polls instead. */
export const MAX_STREAMS_PER_USER = 10;
/** How many live streams one web instance keeps open in all. */
export const MAX_STREAMS = 2_000;

/** What UnreadCounts needs of the listener (listener.ts; a stand-in in unit tests). */
export interface SignalSource {
  listen(userId: string, handler: () => void): () => void;
}

export type Watch =
  | { ok: true; stop: () => void }
  | { ok: false; reason: "person" | "server"; message: string };

interface Watcher {
  send: (count: number) => void;
  /** What this watcher was last told, so that it hears only changes. */
  sent: number | null;
}

interface Person {
  watchers: Set<Watcher>;
  unlisten: () => void;
  reading: boolean;
  /** A signal arrived while the count was being read: read it again afterwards. */
  again: boolean;
}

export interface UnreadCountsOptions {
  signals: SignalSource;
  /** The person's unread count now (read/notifications.ts). */
  readCount: (userId: string) => Promise<number>;
  maxPerUser?: number;
  maxTotal?: number;
  log?: (message: string) => void;
}

/**
 * The bell's number, kept live for the open streams of this web instance: each watcher is told the
 * person's unread count at once and whenever it changes. One signal for a person costs one count
 * query, whatever the number of their open tabs; signals that arrive while it runs are folded into
 * one more read. The number of streams is capped per person and in all (`watch` says why it
 * refuses one).
 */
export class UnreadCounts {
  private readonly people = new Map<string, Person>();
  private total = 0;
  private readonly maxPerUser: number;
  private readonly maxTotal: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: UnreadCountsOptions) {
    this.maxPerUser = options.maxPerUser ?? MAX_STREAMS_PER_USER;
    this.maxTotal = options.maxTotal ?? MAX_STREAMS;
    this.log = options.log ?? ((message) => console.warn(`[live] ${message}`));
  }

  /** Tells `send` the person's unread count now and after each change, until `stop()`. */
  watch(userId: string, send: (count: number) => void): Watch {
    const existing = this.people.get(userId);
    if ((existing?.watchers.size ?? 0) >= this.maxPerUser) {
      return { ok: false, reason: "person", message: `You already have ${this.maxPerUser} pages with live updates open; this one checks for new notifications every 30 seconds instead.` };
    }
    if (this.total >= this.maxTotal) {
      return { ok: false, reason: "server", message: "The server has as many live updates open as it takes; this page checks for new notifications every 30 seconds instead." };
    }
    let person = existing;
    if (!person) {
      const created: Person = { watchers: new Set(), unlisten: () => undefined, reading: false, again: false };
      this.people.set(userId, created);
      created.unlisten = this.options.signals.listen(userId, () => this.refresh(userId));
      person = created;
    }
    const watcher: Watcher = { send, sent: null };
    person.watchers.add(watcher);
    this.total++;
    this.refresh(userId);
    let stopped = false;
    return {
      ok: true,
      stop: () => {
        if (stopped) return;
        stopped = true;
        this.total--;
        const current = this.people.get(userId);
        if (!current?.watchers.delete(watcher) || current.watchers.size > 0) return;
        current.unlisten();
        this.people.delete(userId);
      },
    };
  }

  /** Open streams, for one person or in all. */
  streams(userId?: string): number {
    return userId === undefined ? this.total : (this.people.get(userId)?.watchers.size ?? 0);
  }

  private refresh(userId: string): void {
    const person = this.people.get(userId);
    if (!person) return;
    if (person.reading) {
      person.again = true;
      return;
    }
    person.reading = true;
    this.options
      .readCount(userId)
      .then((count) => {
        for (const watcher of person.watchers) {
          if (watcher.sent === count) continue;
          watcher.sent = count;
          try {
            watcher.send(count);
          } catch (error) {
            this.log(`a stream could not be written: ${(error as Error).message}`);
          }
        }
      })
      .catch((error: unknown) => this.log(`could not read an unread count: ${(error as Error).message}`))
      .finally(() => {
        person.reading = false;
        if (person.again && this.people.get(userId) === person) {
          person.again = false;
          this.refresh(userId);
        }
      });
  }
}
