import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, makeVerifiedClient, openJob, type TestDatabase } from "../testing";
import { listUsersForAdmin } from "./admin-users";
import { listJobsForModeration } from "./admin-moderation";
import { searchAuditLog } from "./admin-audit";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");

describe("the admin searches take what is typed literally (read/like.ts)", () => {
  it("`%`, `_` and a backslash match themselves in people, jobs and the audit log, not any text", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const percent = await makeUser(db.prisma, "CLIENT", { name: "Ada 100% Sure" });
    const underscore = await makeUser(db.prisma, "FREELANCER", { name: "Bo_Search" });
    await makeUser(db.prisma, "FREELANCER", { name: "BoxSearch" });
    const people = async (query: string) => (await listUsersForAdmin(db.prisma, { actorId: admin.id, query })).users.map((user) => user.id);
    expect(await people("100%")).toEqual([percent.id]);
    expect(await people("%")).toEqual([percent.id]);
    expect(await people("Bo_S")).toEqual([underscore.id]);
    expect(await people("\\")).toEqual([]);

    const client = await makeVerifiedClient(db.prisma, { name: "Cy 50_50" });
    await openJob(db.prisma, client.id, now, { title: "Logo at 20% off" });
    await openJob(db.prisma, client.id, now, { title: "Logo at 20 off" });
    const jobs = async (query: string) =>
      (await listJobsForModeration(db.prisma, { actorId: admin.id, query })).rows.map((job) => job.title);
    expect(await jobs("20%")).toEqual(["Logo at 20% off"]);
    expect((await listJobsForModeration(db.prisma, { actorId: admin.id, client: "50_5" })).rows).toHaveLength(2);
    expect((await listJobsForModeration(db.prisma, { actorId: admin.id, client: "5__5" })).rows).toHaveLength(0);

    await db.prisma.auditLog.create({
      data: { actorId: admin.id, action: "test.note", targetType: "User", targetId: percent.id, reason: "Refund 100% of it", createdAt: now },
    });
    await db.prisma.auditLog.create({
      data: { actorId: admin.id, action: "test.note", targetType: "User", targetId: percent.id, reason: "Refund 1000 of it", createdAt: now },
    });
    const audit = await searchAuditLog(db.prisma, { actorId: admin.id, text: "100%" });
    expect(audit.rows.map((row) => row.reason)).toEqual(["Refund 100% of it"]);
  });
});
