import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, type TestDatabase, type TestUser } from "../testing";
import { notify } from "../notifications";
import { runTransaction } from "../transaction";
import { sendDigests } from "./digest";
import { readUnsubscribeToken } from "./unsubscribe";

const DAY = new Date("2026-07-14T00:00:00Z");
const at = (hours: number) => new Date(DAY.getTime() + hours * 3_600_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

async function choose(user: TestUser, category: string, email: "IMMEDIATE" | "DAILY_DIGEST" | "OFF", now: Date) {
  await db.prisma.notificationPreference.upsert({
    where: { userId_category: { userId: user.id, category } },
    create: { userId: user.id, category, inApp: true, email, updatedAt: now },
    update: { email, updatedAt: now },
  });
}

const paid = (user: TestUser, key: string, amountMinor: bigint, now: Date) =>
  runTransaction(db.prisma, (tx) => notify(tx, { userId: user.id, kind: "payment_available", eventKey: `payment:${key}`, data: { amountMinor, jobTitle: "Landing page" }, link: "/earnings", now }));
const viewed = (user: TestUser, key: string, now: Date) =>
  runTransaction(db.prisma, (tx) => notify(tx, { userId: user.id, kind: "proposal_viewed", eventKey: `viewed:${key}`, data: { jobTitle: "Logo", clientName: "Carol" }, link: "/proposals", now }));
const funded = (user: TestUser, key: string, now: Date) =>
  runTransaction(db.prisma, (tx) =>
    notify(tx, { userId: user.id, kind: "milestone_funded", eventKey: `funded:${key}`, data: { jobTitle: "Logo", milestoneTitle: "Drafts", clientName: "Carol", amountMinor: 50_000n }, link: "/contracts", now }),
  );

describe("send_digests", () => {
  it("once a marketplace day, one email per person with the day's notifications they take as a digest, each notification once", async () => {
    const fran = await makeUser(db.prisma, "FREELANCER", { name: "Fran" });
    await choose(fran, "payments", "DAILY_DIGEST", at(-48));
    await paid(fran, "a", 40_000n, at(9));
    await viewed(fran, "b", at(10)); // proposals: a daily digest by default
    await funded(fran, "c", at(11)); // contracts: emailed right away, not in the digest
    await paid(fran, "d", 12_345n, at(30)); // the next day's

    // During the day: nothing yet.
    expect(await sendDigests(db.prisma, { now: at(15) })).toEqual({ digests: 0, notifications: 0 });
    // The next day's first run: yesterday's two.
    expect(await sendDigests(db.prisma, { now: at(24.01) })).toEqual({ digests: 1, notifications: 2 });
    const digest = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { dedupeKey: `digest:${fran.id}:2026-07-15` } });
    expect(digest).toMatchObject({ kind: "digest", toAddress: fran.email, subject: "Your Fairlance digest: 2 notifications", status: "PENDING", userId: fran.id });
    expect(digest.text).toContain("Your Fairlance digest for 2026-07-14");
    expect(digest.text).toContain("$400.00");
    expect(digest.text).toContain("Carol viewed your proposal for “Logo”.");
    expect(digest.text).not.toContain("Drafts");
    expect(digest.text).not.toContain("$123.45");
    expect(digest.html).toContain("$400.00");
    const token = new URL(digest.unsubscribeUrl!).searchParams.get("token")!;
    expect(readUnsubscribeToken(token)).toEqual({ userId: fran.id, categories: ["proposals", "payments"] });
    expect(digest.text).toContain(digest.unsubscribeUrl!);

    const notes = await db.prisma.notification.findMany({ where: { userId: fran.id }, orderBy: { createdAt: "asc" }, select: { kind: true, digestedAt: true } });
    expect(notes.map((n) => [n.kind, n.digestedAt])).toEqual([
      ["payment_available", at(24.01)],
      ["proposal_viewed", at(24.01)],
      ["milestone_funded", null],
      ["payment_available", null],
    ]);

    // Later the same day, and a second runner: nothing new.
    expect(await sendDigests(db.prisma, { now: at(30.5) })).toEqual({ digests: 0, notifications: 0 });
    const [one, two] = await Promise.all([sendDigests(db.prisma, { now: at(31) }), sendDigests(db.prisma, { now: at(31) })]);
    expect(one.digests + two.digests).toBe(0);
    // The day after: the second day's one.
    expect(await sendDigests(db.prisma, { now: at(48.5) })).toEqual({ digests: 1, notifications: 1 });
    expect(await db.prisma.emailOutbox.count({ where: { userId: fran.id, kind: "digest" } })).toBe(2);
  });

  it("several runners at once write one digest", async () => {
    const gus = await makeUser(db.prisma, "FREELANCER");
    await viewed(gus, "g1", at(24 * 5 + 8));
    await viewed(gus, "g2", at(24 * 5 + 9));
    const results = await Promise.all([1, 2, 3].map(() => sendDigests(db.prisma, { now: at(24 * 6 + 1) })));
    expect(results.reduce((sum, r) => sum + r.digests, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.notifications, 0)).toBe(2);
    expect(await db.prisma.emailOutbox.count({ where: { userId: gus.id, kind: "digest" } })).toBe(1);
  });

  it("leaves out what came before the person chose the digest, categories emailed right away or off, and unconfirmed addresses", async () => {
    const ana = await makeUser(db.prisma, "FREELANCER");
    await choose(ana, "payments", "OFF", at(24 * 9));
    await paid(ana, "before", 1_000n, at(24 * 10 + 1)); // emailed to nobody, and not a digest's
    await choose(ana, "payments", "DAILY_DIGEST", at(24 * 10 + 2));
    await paid(ana, "after", 2_000n, at(24 * 10 + 3));
    await choose(ana, "proposals", "OFF", at(24 * 10));
    await viewed(ana, "off", at(24 * 10 + 4));
    const unconfirmed = await makeUser(db.prisma, "FREELANCER", { unverified: true });
    await viewed(unconfirmed, "u", at(24 * 10 + 5));

    expect(await sendDigests(db.prisma, { now: at(24 * 11 + 1) })).toEqual({ digests: 1, notifications: 1 });
    const digest = await db.prisma.emailOutbox.findFirstOrThrow({ where: { userId: ana.id, kind: "digest" } });
    expect(digest.subject).toBe("Your Fairlance digest: 1 notification");
    expect(digest.text).toContain("$20.00");
    expect(digest.text).not.toContain("$10.00");
    expect(await db.prisma.emailOutbox.count({ where: { userId: unconfirmed.id } })).toBe(0);
  });
});
