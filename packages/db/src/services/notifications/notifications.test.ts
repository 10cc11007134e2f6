import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeNotification, makeUser, type TestDatabase } from "../../testing";
import { listNotifications, safeNotificationLink, unreadNotificationCount } from "../../read/notifications";
import { markAllNotificationsRead } from "./mark-all-notifications-read";
import { markNotificationsRead } from "./mark-notifications-read";

let db: TestDatabase;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));
const now = at(59);

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

describe("the notifications list", () => {
  it("pages newest first by cursor, with nothing missed or repeated when several share a moment, and counts the unread", async () => {
    const person = (await makeUser(db.prisma, "FREELANCER")).id;
    const other = (await makeUser(db.prisma, "FREELANCER")).id;
    // 25 notifications, three of them at the same moment; the 5 oldest already read.
    const made: { id: string; createdAt: Date }[] = [];
    for (let i = 0; i < 25; i++) made.push(await makeNotification(db.prisma, person, { title: `N${i}`, createdAt: at(i < 3 ? 10 : 10 + i), readAt: i >= 20 ? null : i < 5 ? at(58) : null }));
    await makeNotification(db.prisma, other, { title: "Not yours" });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listNotifications(db.prisma, person, { cursor, limit: 10 });
      expect(page.unreadCount).toBe(20);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = [...made].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0)).map((row) => row.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(25);

    const unread = await listNotifications(db.prisma, person, { unread: true, limit: 50 });
    expect(unread.items).toHaveLength(20);
    expect(unread.items.every((item) => item.readAt === null)).toBe(true);
    expect(unread.nextCursor).toBeNull();
    expect(await unreadNotificationCount(db.prisma, person)).toBe(20);
  });

  it("refuses a cursor that is not the viewer's like one that does not exist", async () => {
    const [mine, theirs] = [(await makeUser(db.prisma, "CLIENT")).id, (await makeUser(db.prisma, "CLIENT")).id];
    const { id } = await makeNotification(db.prisma, theirs);
    await makeNotification(db.prisma, mine);
    await expect(listNotifications(db.prisma, mine, { cursor: id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That notification does not exist." });
    await expect(listNotifications(db.prisma, mine, { cursor: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That notification does not exist." });
    expect((await listNotifications(db.prisma, theirs)).items.map((item) => item.id)).toEqual([id]);
  });

  it("only ever links inside the app", () => {
    expect(safeNotificationLink("/contracts/123")).toBe("/contracts/123");
    expect(safeNotificationLink("/contracts/123?tab=work#milestones")).toBe("/contracts/123?tab=work#milestones");
    for (const link of ["https://evil.test/", "//evil.test/", "/\\evil.test", "javascript:alert(1)", "", "contracts/1", "/a b"]) expect(safeNotificationLink(link)).toBe("/notifications");
  });
});

describe("marking notifications read", () => {
  it("marks one's own, keeps the first moment read, and says how many are left", async () => {
    const person = (await makeUser(db.prisma, "CLIENT")).id;
    const [a, b, c] = [await makeNotification(db.prisma, person), await makeNotification(db.prisma, person), await makeNotification(db.prisma, person)];
    expect(await markNotificationsRead(db.prisma, { ids: [a.id, b.id, a.id], actorId: person, now })).toEqual({ marked: 2, unreadCount: 1 });
    expect(await markNotificationsRead(db.prisma, { ids: [a.id], actorId: person, now: at(59) })).toEqual({ marked: 0, unreadCount: 1 });
    const rows = await db.prisma.notification.findMany({ where: { userId: person }, select: { id: true, readAt: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.readAt]))).toEqual({ [a.id]: now, [b.id]: now, [c.id]: null });
  });

  it("refuses the whole call when one is not the person's (nothing marked), and bad input", async () => {
    const [person, stranger] = [(await makeUser(db.prisma, "FREELANCER")).id, (await makeUser(db.prisma, "FREELANCER")).id];
    const mine = await makeNotification(db.prisma, person);
    const theirs = await makeNotification(db.prisma, stranger);
    await expect(markNotificationsRead(db.prisma, { ids: [mine.id, theirs.id], actorId: person, now })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That notification does not exist." });
    expect(await unreadNotificationCount(db.prisma, person)).toBe(1);
    expect(await unreadNotificationCount(db.prisma, stranger)).toBe(1);
    await expect(markNotificationsRead(db.prisma, { ids: [], actorId: person, now })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(markNotificationsRead(db.prisma, { ids: ["nope"], actorId: person, now })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(markNotificationsRead(db.prisma, { ids: Array.from({ length: 101 }, () => mine.id), actorId: person, now })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("marks all of one's own as read, and only one's own; admins have notifications too", async () => {
    const [admin, other] = [(await makeUser(db.prisma, "ADMIN")).id, (await makeUser(db.prisma, "CLIENT")).id];
    for (let i = 0; i < 3; i++) await makeNotification(db.prisma, admin);
    await makeNotification(db.prisma, other);
    expect(await markAllNotificationsRead(db.prisma, { actorId: admin, now })).toEqual({ marked: 3, unreadCount: 0 });
    expect(await markAllNotificationsRead(db.prisma, { actorId: admin, now })).toEqual({ marked: 0, unreadCount: 0 });
    expect(await unreadNotificationCount(db.prisma, other)).toBe(1);
    await expect(markAllNotificationsRead(db.prisma, { actorId: admin, now, ...({ everyone: true } as object) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});
