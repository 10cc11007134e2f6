import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, key, makeUser, type TestDatabase, type TestUser } from "../../testing";
import { auditRows } from "../../testing/audit";
import { verifyCredentials } from "../verify-credentials";
import { createAdmin } from "./create-admin";

// economy.md §1, §6: an admin makes another admin, audit-logged; the new admin signs in with the
// initial password they were given.
let db: TestDatabase;
let admin: TestUser;
const now = new Date("2026-12-01T09:00:00Z");
beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeUser(db.prisma, "ADMIN");
});
afterAll(() => db.drop());

const request = () => ({ actorId: admin.id, now, idempotencyKey: key(), email: `${key("new")}@fairlance.test`, name: "Ada Admin", initialPassword: "a long initial passphrase", reason: "Joins the support team" });

describe("createAdmin", () => {
  it("creates an admin who can sign in, once per key, with an audit entry and no password kept in the clear", async () => {
    const input = request();
    const created = await createAdmin(db.prisma, input);
    expect(created).toMatchObject({ email: input.email, name: "Ada Admin", role: "ADMIN", createdAt: now });
    expect(await createAdmin(db.prisma, input)).toEqual(created);
    expect(await db.prisma.user.count({ where: { email: input.email } })).toBe(1);
    await expect(verifyCredentials(db.prisma, { email: input.email, password: input.initialPassword, ip: "test", now })).resolves.toMatchObject({ id: created.userId, role: "ADMIN" });
    const audit = auditRows(await db.prisma.auditLog.findMany({ where: { targetId: created.userId } }));
    expect(audit).toEqual([expect.objectContaining({ actorId: admin.id, action: "user.createAdmin", before: null, after: { email: input.email, name: "Ada Admin", role: "ADMIN" }, reason: "Joins the support team" })]);
    const text = (rows: unknown[]) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    const stored = text(await db.prisma.idempotencyRecord.findMany()) + text(await db.prisma.auditLog.findMany());
    expect(stored).not.toContain(input.initialPassword);
  });

  it("refuses someone who is not an admin, an email in use, and a weak password", async () => {
    const client = await makeUser(db.prisma, "CLIENT");
    await expect(createAdmin(db.prisma, { ...request(), actorId: client.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAdmin(db.prisma, { ...request(), email: client.email })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    await expect(createAdmin(db.prisma, { ...request(), initialPassword: "aaaaaaaaaaaa" })).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    await expect(createAdmin(db.prisma, { ...request(), reason: "no" })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});
