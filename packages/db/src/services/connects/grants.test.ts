import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days, freshDatabase, key, makeUser, type TestDatabase } from "../../testing";
import { signUp } from "../sign-up";
import { adminGrantConnects } from "./admin-grant-connects";
import { adminRevokeConnects } from "./admin-revoke-connects";
import { connectsBalance } from "./balance";
import { grantRisingTalent } from "./grant-rising-talent";
import { setSetting } from "./test-helpers";
import { auditRows } from "../../testing/audit";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-03-01T09:00:00Z");

describe("signUp grants the sign-up connects", () => {
  it("gives a new freelancer 20 connects in a SIGNUP lot that expires in 365 days; a client gets none", async () => {
    const freelancer = await signUp(db.prisma, { email: "fay@example.com", name: "Fay", password: "long enough password", role: "FREELANCER", ip: "192.0.2.10", now });
    expect(freelancer.signupConnects).toBe(20);
    const lots = await db.prisma.connectLot.findMany({ where: { userId: freelancer.id } });
    expect(lots).toMatchObject([{ source: "SIGNUP", issued: 20, remaining: 20, reason: "signup_grant", issuedAt: now, expiresAt: days(now, 365) }]);
    const entries = await db.prisma.connectEntry.findMany({ where: { userId: freelancer.id } });
    expect(entries).toMatchObject([{ kind: "GRANT", delta: 20, reason: "signup_grant", createdAt: now }]);

    const client = await signUp(db.prisma, { email: "cal@example.com", name: "Cal", password: "long enough password", role: "CLIENT", ip: "192.0.2.10", now });
    expect(client.signupConnects).toBe(0);
    expect(await db.prisma.connectLot.count({ where: { userId: client.id } })).toBe(0);
  });

  it("uses the sign-up connects and lot expiry in force at the time of sign-up", async () => {
    const later = days(now, 10);
    await setSetting(db.prisma, "signupConnects", 25, days(now, 5));
    await setSetting(db.prisma, "connectLotExpiryDays", 100, days(now, 5));
    const freelancer = await signUp(db.prisma, { email: "gil@example.com", name: "Gil", password: "long enough password", role: "FREELANCER", ip: "192.0.2.10", now: later });
    expect(freelancer.signupConnects).toBe(25);
    expect(await db.prisma.connectLot.findFirstOrThrow({ where: { userId: freelancer.id } })).toMatchObject({ issued: 25, expiresAt: days(later, 100) });
  });

  it("creates neither the user nor the connects when the email is taken", async () => {
    const before = await db.prisma.connectLot.count();
    await expect(signUp(db.prisma, { email: "FAY@example.com", name: "Fay 2", password: "long enough password", role: "FREELANCER", ip: "192.0.2.10", now })).rejects.toMatchObject({
      code: "EMAIL_TAKEN",
    });
    expect(await db.prisma.connectLot.count()).toBe(before);
  });
});

describe("grantRisingTalent", () => {
  it("awards the badge once with 30 connects, audit-logged; a replay returns the first result; a second award is refused", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const fran = await makeUser(db.prisma, "FREELANCER", { name: "Fran" });
    const input = { actorId: admin.id, idempotencyKey: key(), now, freelancerId: fran.id, reason: "Top new talent in design" };
    const award = await grantRisingTalent(db.prisma, input);
    expect(award).toMatchObject({ freelancerId: fran.id, risingTalentAt: now, connects: 30, expiresAt: days(now, 365), balance: 30 });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: fran.id } })).toMatchObject({ risingTalentAt: now });
    expect(await db.prisma.connectLot.findMany({ where: { userId: fran.id } })).toMatchObject([{ source: "RISING_TALENT", issued: 30, reason: "rising_talent_grant" }]);
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: fran.id } }))).toMatchObject([
      {
        actorId: admin.id,
        action: "connects.rising_talent.award",
        targetType: "User",
        before: { risingTalentAt: null, connectsBalance: 0 },
        after: { connectsBalance: 30, connectsGranted: 30 },
        reason: "Top new talent in design",
      },
    ]);

    expect(await grantRisingTalent(db.prisma, { ...input, now: days(now, 1) })).toEqual(award);
    await expect(grantRisingTalent(db.prisma, { ...input, reason: "Another reason" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(grantRisingTalent(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Fran already has the Rising Talent badge (since 2026-03-01).",
    });
    expect(await connectsBalance(db.prisma, fran.id, now)).toBe(30);
    expect(await db.prisma.auditLog.count({ where: { targetId: fran.id } })).toBe(1);
  });

  it("refuses non-admins, clients as targets, unknown people and a missing reason", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const client = await makeUser(db.prisma, "CLIENT");
    const base = { idempotencyKey: key(), now, reason: "Great start" };
    await expect(grantRisingTalent(db.prisma, { ...base, actorId: freelancer.id, freelancerId: freelancer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantRisingTalent(db.prisma, { ...base, actorId: admin.id, freelancerId: client.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(grantRisingTalent(db.prisma, { ...base, actorId: admin.id, freelancerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(grantRisingTalent(db.prisma, { ...base, actorId: admin.id, freelancerId: freelancer.id, reason: " " })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "Say why the badge is awarded.",
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: freelancer.id } })).toMatchObject({ risingTalentAt: null });
  });

  it("lets exactly one of several simultaneous awards through", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => grantRisingTalent(db.prisma, { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, reason: "Race" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await connectsBalance(db.prisma, freelancer.id, now)).toBe(30);
  });
});

describe("adminGrantConnects and adminRevokeConnects", () => {
  it("grants any positive amount with a reason shown in the history, audit-logged and idempotent", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const input = { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, connects: 45, reason: "Apology for the outage" };
    const change = await adminGrantConnects(db.prisma, input);
    expect(change).toMatchObject({ connects: 45, balanceBefore: 0, balanceAfter: 45 });
    expect(await db.prisma.connectEntry.findMany({ where: { userId: freelancer.id } })).toMatchObject([
      { kind: "GRANT", delta: 45, reason: "admin_grant", note: "Apology for the outage" },
    ]);
    expect(await db.prisma.connectLot.findFirstOrThrow({ where: { userId: freelancer.id } })).toMatchObject({ source: "ADMIN_GRANT", expiresAt: days(now, 365) });
    expect(await adminGrantConnects(db.prisma, input)).toEqual(change);
    await expect(adminGrantConnects(db.prisma, { ...input, connects: 46 })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await connectsBalance(db.prisma, freelancer.id, now)).toBe(45);
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: freelancer.id } }))).toMatchObject([
      { actorId: admin.id, action: "connects.grant", before: { connectsBalance: 0 }, after: { connectsBalance: 45, connectsGranted: 45 }, reason: "Apology for the outage" },
    ]);
  });

  it("refuses a non-admin, a zero amount, no reason and a non-freelancer", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const client = await makeUser(db.prisma, "CLIENT");
    const base = { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, connects: 5, reason: "Because" };
    await expect(adminGrantConnects(db.prisma, { ...base, actorId: client.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only admins can grant connects." });
    await expect(adminGrantConnects(db.prisma, { ...base, connects: 0 })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Enter a number of connects above zero." });
    await expect(adminGrantConnects(db.prisma, { ...base, reason: "" })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(adminGrantConnects(db.prisma, { ...base, freelancerId: client.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(adminRevokeConnects(db.prisma, { ...base, actorId: freelancer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.connectEntry.count({ where: { userId: { in: [freelancer.id, client.id] } } })).toBe(0);
  });

  it("revokes from the earliest-expiring lots, never more than the balance, audit-logged and idempotent", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Rae" });
    const grant = (connects: number, at: Date) =>
      adminGrantConnects(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: at, freelancerId: freelancer.id, connects, reason: "Seed" });
    const older = await grant(10, days(now, -20)); // expires first
    const newer = await grant(30, now);

    const input = { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, connects: 25, reason: "Granted by mistake" };
    await expect(adminRevokeConnects(db.prisma, { ...input, connects: 41 })).rejects.toMatchObject({
      code: "INSUFFICIENT_CONNECTS",
      message: "Rae has 40 connects; you can take back at most that many.",
    });
    const change = await adminRevokeConnects(db.prisma, input);
    expect(change).toMatchObject({ connects: 25, balanceBefore: 40, balanceAfter: 15, lotIds: [older.lotIds[0], newer.lotIds[0]] });
    const lots = await db.prisma.connectLot.findMany({ where: { userId: freelancer.id }, orderBy: { expiresAt: "asc" } });
    expect(lots.map((lot) => lot.remaining)).toEqual([0, 15]);
    expect(await db.prisma.connectEntry.findMany({ where: { userId: freelancer.id, kind: "REVOKE" }, orderBy: { id: "asc" } })).toMatchObject([
      { delta: -10, reason: "admin_revoke", note: "Granted by mistake" },
      { delta: -15, reason: "admin_revoke", note: "Granted by mistake" },
    ]);
    expect(await adminRevokeConnects(db.prisma, input)).toEqual(change);
    await expect(adminRevokeConnects(db.prisma, { ...input, connects: 1 })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await connectsBalance(db.prisma, freelancer.id, now)).toBe(15);
    expect(auditRows([await db.prisma.auditLog.findFirstOrThrow({ where: { targetId: freelancer.id, action: "connects.revoke" } })])[0]).toMatchObject({
      actorId: admin.id,
      before: { connectsBalance: 40 },
      after: { connectsBalance: 15, connectsRevoked: 25 },
      reason: "Granted by mistake",
    });
  });

  it("never takes back more than the balance, even with simultaneous revokes", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await adminGrantConnects(db.prisma, { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, connects: 30, reason: "Seed" });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        adminRevokeConnects(db.prisma, { actorId: admin.id, idempotencyKey: key(), now, freelancerId: freelancer.id, connects: 10, reason: "Race" }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await connectsBalance(db.prisma, freelancer.id, now)).toBe(0);
  });
});
