import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeNotification, makeUser, type TestDatabase } from "../testing";
import { unreadNotificationCount } from "../read/notifications";
import { markNotificationsRead } from "../services/notifications/mark-notifications-read";
import { notify } from "../notifications/notify";
import { runTransaction } from "../transaction";
import { signalNotificationsChanged } from "./channel";
import { NotificationListener } from "./listener";
import { UnreadCounts } from "./unread-counts";

let db: TestDatabase;
let listener: NotificationListener;
beforeAll(async () => {
  db = await freshDatabase();
  listener = new NotificationListener({ connectionString: db.url, retry: { firstMs: 50, maxMs: 200 }, log: () => undefined });
});
afterAll(async () => {
  await listener.close();
  await db.drop();
});

/** Resolves when `check` holds, polling every 10 ms; fails after 5 s. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Counts the signals each person's handler hears. */
function recorder(userIds: string[]) {
  const heard = Object.fromEntries(userIds.map((id) => [id, 0])) as Record<string, number>;
  const stops = userIds.map((id) => listener.listen(id, () => heard[id]!++));
  return { heard, stop: () => stops.forEach((stop) => stop()) };
}

/** A transaction that signals `userId`'s notifications changed, then commits or rolls back. */
async function signalIn(userId: string, outcome: "commit" | "rollback") {
  await runTransaction(db.prisma, async (tx) => {
    await signalNotificationsChanged(tx, userId);
    if (outcome === "rollback") throw new Error("rolled back on purpose");
  }).catch((error: Error) => {
    if (error.message !== "rolled back on purpose") throw error;
  });
}

describe("the LISTEN connection", () => {
  it("hears a signal from a committed transaction, never one from a rolled-back transaction, and each person only their own", async () => {
    const [ana, ben, cat] = ["a", "b", "c"].map(() => crypto.randomUUID()) as [string, string, string];
    const { heard, stop } = recorder([ana, ben]);
    await listener.ready();
    // Connecting calls every listener once (whatever was signalled before LISTEN was in place); start from there.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const base = { ...heard };

    await signalIn(ana, "rollback");
    await signalIn(cat, "commit"); // nobody here listens for cat
    await signalIn(ben, "commit");
    await eventually(() => heard[ben]! > base[ben]!, "ben's signal");
    // Signals arrive in commit order on the one connection: ana's would have come before ben's.
    expect(heard[ana]).toBe(base[ana]);
    expect(heard[ben]).toBe(base[ben]! + 1);

    await signalIn(ana, "commit");
    await eventually(() => heard[ana]! > base[ana]!, "ana's signal");
    expect(heard).toEqual({ [ana]: base[ana]! + 1, [ben]: base[ben]! + 1 });
    stop();
    expect(listener.listeners(ana)).toBe(0);
  });

  it("a signal sent inside an operation arrives only once the operation commits", async () => {
    const person = (await makeUser(db.prisma, "FREELANCER")).id;
    const { id } = await makeNotification(db.prisma, person);
    const { heard, stop } = recorder([person]);
    await listener.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = heard[person]!;
    // Refused (another person's id among them): rolled back, so nothing is heard.
    const stranger = (await makeUser(db.prisma, "FREELANCER")).id;
    const theirs = await makeNotification(db.prisma, stranger);
    await expect(markNotificationsRead(db.prisma, { ids: [id, theirs.id], actorId: person, now: new Date() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markNotificationsRead(db.prisma, { ids: [id], actorId: person, now: new Date() });
    await eventually(() => heard[person]! > before, "the signal of the committed mark");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard[person]).toBe(before + 1);
    stop();
  });

  it("reconnects after the connection drops, and then tells every listener to look again", async () => {
    const person = crypto.randomUUID();
    const { heard, stop } = recorder([person]);
    await listener.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = heard[person]!;
    listener.simulateDrop();
    expect(listener.connected).toBe(false);
    await listener.ready();
    await eventually(() => heard[person]! > before, "the catch-up call after reconnecting");
    const after = heard[person]!;
    await signalIn(person, "commit");
    await eventually(() => heard[person]! > after, "a signal after reconnecting");
    stop();
  });

  it("keeps trying with back-off while the database cannot be reached, without failing its listeners", async () => {
    const logged: string[] = [];
    const nowhere = new NotificationListener({ connectionString: "postgresql://nobody@127.0.0.1:9/none", retry: { firstMs: 20, maxMs: 40 }, log: (line) => logged.push(line) });
    const stop = nowhere.listen(crypto.randomUUID(), () => undefined);
    await eventually(() => logged.length >= 3, "three attempts");
    expect(logged[0]).toMatch(/could not listen on fairlance_notifications .*trying again in 20 ms/);
    expect(logged[2]).toMatch(/trying again in 40 ms/);
    stop();
    await nowhere.close();
  });
});

describe("live unread counts over the real listener", () => {
  it("tells each open stream its person's count at once and after each committed change, and only its person's", async () => {
    const [fran, gus] = [(await makeUser(db.prisma, "FREELANCER")).id, (await makeUser(db.prisma, "FREELANCER")).id];
    await makeNotification(db.prisma, fran);
    const counts = new UnreadCounts({ signals: listener, readCount: (id) => unreadNotificationCount(db.prisma, id), log: () => undefined });
    const told: Record<string, number[]> = { franTab1: [], franTab2: [], gus: [] };
    const watches = [
      counts.watch(fran, (n) => told.franTab1!.push(n)),
      counts.watch(fran, (n) => told.franTab2!.push(n)),
      counts.watch(gus, (n) => told.gus!.push(n)),
    ];
    expect(watches.every((watch) => watch.ok)).toBe(true);
    await eventually(() => told.franTab1!.length > 0 && told.franTab2!.length > 0 && told.gus!.length > 0, "the first counts");
    expect(told).toEqual({ franTab1: [1], franTab2: [1], gus: [0] });

    // A new notification for Fran, told by the notification core in an operation's transaction; one
    // in a transaction that rolls back tells nobody.
    const funded = (eventKey: string) => ({ userId: fran, kind: "milestone_funded" as const, eventKey, data: { jobTitle: "Logo", milestoneTitle: "Drafts", clientName: "Ada", amountMinor: 20_000n }, link: "/contracts", now: new Date() });
    await runTransaction(db.prisma, async (tx) => {
      await notify(tx, funded("live-test-rolled-back"));
      throw new Error("rolled back on purpose");
    }).catch((error: Error) => expect(error.message).toBe("rolled back on purpose"));
    await runTransaction(db.prisma, (tx) => notify(tx, funded("live-test-1")));
    await eventually(() => told.franTab1!.length > 1 && told.franTab2!.length > 1, "Fran's new count");
    expect(told).toEqual({ franTab1: [1, 2], franTab2: [1, 2], gus: [0] });

    for (const watch of watches) if (watch.ok) watch.stop();
    expect(counts.streams()).toBe(0);
    expect(listener.listeners(fran)).toBe(0);
  });
});
