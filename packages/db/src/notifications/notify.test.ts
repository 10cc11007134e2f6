import { decodeTyped } from "@fairlance/rules";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, type TestDatabase } from "../testing";
import { runTransaction } from "../transaction";
import { readUnsubscribeToken } from "../email/unsubscribe";
import { NOTIFICATION_CHANNEL, notify } from "./notify";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.drop();
});

const now = new Date("2026-12-03T10:00:00.000Z");
const funded = (userId: string, milestoneId: string) => ({
  userId,
  kind: "milestone_funded" as const,
  eventKey: `milestone_funded:${milestoneId}`,
  data: { jobTitle: "Logo design", milestoneTitle: "First drafts", clientName: "Ada", amountMinor: 25_000n },
  link: `/contracts/${milestoneId}`,
  now,
});

describe("notify", () => {
  it("writes the notification with its words and figures, and queues its email", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    const id = await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-1")));
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: id! }, include: { email: true } });
    expect(row).toMatchObject({ kind: "milestone_funded", category: "contracts", title: "Milestone funded: $250.00", readAt: null, link: "/contracts/m-1" });
    expect(row.body).toBe("Ada put $250.00 in escrow for “First drafts” on “Logo design”. You can start work on it.");
    expect(decodeTyped<{ amountMinor: bigint }>(row.data).amountMinor).toBe(25_000n);
    expect(row.email).toMatchObject({ toAddress: person.email, subject: "Milestone funded: $250.00", status: "PENDING", dedupeKey: `notification:${id}` });
    expect(row.email!.text).toContain("Ada put $250.00 in escrow");
    expect(row.email!.text).toContain("http://localhost:3000/contracts/m-1");
    expect(row.email!.html).toContain('<a href="http://localhost:3000/contracts/m-1"');
    // The category's one-click unsubscribe link: in the footer of both parts, and as List-Unsubscribe.
    const unsubscribe = row.email!.unsubscribeUrl!;
    expect(readUnsubscribeToken(new URL(unsubscribe).searchParams.get("token")!)).toEqual({ userId: person.id, categories: ["contracts"] });
    expect(row.email!.text).toContain(`Stop offers and contracts emails: ${unsubscribe}`);
    expect(row.email!.html).toContain(`<a href="${unsubscribe}"`);
  });

  it("notifies once per event key", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    const first = await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-2")));
    const again = await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-2")));
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(await db.prisma.notification.count({ where: { userId: person.id } })).toBe(1);
    expect(await db.prisma.emailOutbox.count({ where: { userId: person.id } })).toBe(1);
  });

  it("follows the person's preferences: in-app off files it as read, email off or digest queues nothing now", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await db.prisma.notificationPreference.create({ data: { userId: person.id, category: "contracts", inApp: false, email: "DAILY_DIGEST", updatedAt: now } });
    const id = await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-3")));
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: id! } });
    expect(row.readAt).toEqual(now);
    expect(await db.prisma.emailOutbox.count({ where: { userId: person.id } })).toBe(0);
  });

  it("emails about the account's safety even when the person turned those emails off", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await db.prisma.notificationPreference.create({ data: { userId: person.id, category: "account", inApp: true, email: "OFF", updatedAt: now } });
    await runTransaction(db.prisma, (tx) => notify(tx, { userId: person.id, kind: "account_warned", eventKey: "warning:1", data: { reason: "Asked for payment outside Fairlance" }, link: "/dashboard", now }));
    expect(await db.prisma.emailOutbox.count({ where: { userId: person.id } })).toBe(1);
    // No unsubscribe link: these cannot be turned off.
    expect((await db.prisma.emailOutbox.findFirstOrThrow({ where: { userId: person.id } })).unsubscribeUrl).toBeNull();
  });

  it("sends no email to an address that is not confirmed yet", async () => {
    const person = await makeUser(db.prisma, "FREELANCER", { unverified: true });
    await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-4")));
    expect(await db.prisma.notification.count({ where: { userId: person.id } })).toBe(1);
    expect(await db.prisma.emailOutbox.count({ where: { userId: person.id } })).toBe(0);
  });

  it("leaves nothing behind, and announces nothing, when the operation's transaction rolls back", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(message.payload ?? ""));
    await listener.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    try {
      await expect(
        runTransaction(db.prisma, async (tx) => {
          await notify(tx, funded(person.id, "m-5"));
          throw new Error("the operation failed after notifying");
        }),
      ).rejects.toThrow("the operation failed");
      await runTransaction(db.prisma, (tx) => notify(tx, funded(person.id, "m-6")));
      await expect.poll(() => heard).toEqual([person.id]);
    } finally {
      await listener.end();
    }
    expect(await db.prisma.notification.findMany({ where: { userId: person.id }, select: { eventKey: true } })).toEqual([{ eventKey: "milestone_funded:m-6" }]);
    expect(await db.prisma.emailOutbox.count({ where: { userId: person.id } })).toBe(1);
  });

  it("refuses a link that leaves the app", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await expect(runTransaction(db.prisma, (tx) => notify(tx, { ...funded(person.id, "m-7"), link: "https://evil.example/" }))).rejects.toThrow(/inside the app/);
  });
});
