import { describe, expect, it } from "vitest";
import { UnreadCounts, type SignalSource } from "./unread-counts";

/** A stand-in for the LISTEN connection: `signal(userId)` is a committed change. */
function signals() {
  const handlers = new Map<string, Set<() => void>>();
  const source: SignalSource = {
    listen(userId, handler) {
      if (!handlers.has(userId)) handlers.set(userId, new Set());
      handlers.get(userId)!.add(handler);
      return () => handlers.get(userId)?.delete(handler);
    },
  };
  return { source, signal: (userId: string) => handlers.get(userId)?.forEach((handler) => handler()), listening: (userId: string) => handlers.get(userId)?.size ?? 0 };
}

/** A count read the test answers by hand, to see what runs while a read is in flight. */
function manualReads() {
  const pending: { userId: string; resolve: (n: number) => void }[] = [];
  return { readCount: (userId: string) => new Promise<number>((resolve) => pending.push({ userId, resolve })), pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("live unread counts", () => {
  it("reads a person's count once per change for all their streams, and folds signals that come during a read into one more", async () => {
    const { source, signal } = signals();
    const reads = manualReads();
    const counts = new UnreadCounts({ signals: source, readCount: reads.readCount });
    const told: number[][] = [[], []];
    counts.watch("fran", (n) => told[0]!.push(n));
    counts.watch("fran", (n) => told[1]!.push(n));
    // The first watcher's read is running; the second one's is folded into one more read.
    expect(reads.pending).toHaveLength(1);
    reads.pending.shift()!.resolve(3);
    await tick();
    expect(reads.pending).toHaveLength(1);
    reads.pending.shift()!.resolve(3);
    await tick();
    expect(told).toEqual([[3], [3]]);

    signal("fran");
    signal("fran");
    signal("fran");
    expect(reads.pending).toHaveLength(1);
    reads.pending.shift()!.resolve(4);
    await tick();
    expect(reads.pending).toHaveLength(1); // the signals during the read: one more
    reads.pending.shift()!.resolve(5);
    await tick();
    expect(reads.pending).toHaveLength(0);
    expect(told).toEqual([[3, 4, 5], [3, 4, 5]]);

    // A count that did not change is not sent again.
    signal("fran");
    reads.pending.shift()!.resolve(5);
    await tick();
    expect(told).toEqual([[3, 4, 5], [3, 4, 5]]);
  });

  it("caps the streams per person and in all, and frees a place when one stops", () => {
    const { source, listening } = signals();
    const counts = new UnreadCounts({ signals: source, readCount: async () => 0, maxPerUser: 2, maxTotal: 3 });
    const a1 = counts.watch("a", () => undefined);
    const a2 = counts.watch("a", () => undefined);
    expect(counts.watch("a", () => undefined)).toMatchObject({ ok: false, reason: "person", message: expect.stringContaining("2 pages with live updates open") });
    const b1 = counts.watch("b", () => undefined);
    expect(counts.watch("c", () => undefined)).toMatchObject({ ok: false, reason: "server" });
    expect(counts.streams()).toBe(3);
    expect(listening("a")).toBe(1); // one listener per person, whatever the number of streams
    if (a1.ok) a1.stop();
    if (a1.ok) a1.stop(); // twice is once
    expect(counts.streams()).toBe(2);
    expect(counts.watch("c", () => undefined).ok).toBe(true);
    if (a2.ok) a2.stop();
    expect(listening("a")).toBe(0);
    expect(counts.streams("a")).toBe(0);
    if (b1.ok) b1.stop();
  });

  it("a failed read is logged, and the next signal reads again", async () => {
    const { source, signal } = signals();
    const logged: string[] = [];
    let fail = true;
    const counts = new UnreadCounts({ signals: source, readCount: async () => (fail ? Promise.reject(new Error("connection lost")) : 7), log: (line) => logged.push(line) });
    const told: number[] = [];
    counts.watch("x", (n) => told.push(n));
    await tick();
    expect(logged).toEqual(["could not read an unread count: connection lost"]);
    fail = false;
    signal("x");
    await tick();
    expect(told).toEqual([7]);
  });
});
