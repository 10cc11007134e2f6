import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, type TestDatabase } from "@fairlance/db/testing";
import { anonymousCaller, callerFor } from "@/test/callers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

describe("who may call what", () => {
  it("refuses anonymous callers on every protected procedure", async () => {
    const anonymous = anonymousCaller(db.prisma);
    for (const call of [() => anonymous.me.get(), () => anonymous.dashboard.client(), () => anonymous.dashboard.freelancer(), () => anonymous.dashboard.admin()]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    }
  });

  it("lets each role call only its own dashboard", async () => {
    const users = {
      CLIENT: await makeUser(db.prisma, "CLIENT"),
      FREELANCER: await makeUser(db.prisma, "FREELANCER"),
      ADMIN: await makeUser(db.prisma, "ADMIN"),
    };
    const procedures = { CLIENT: "client", FREELANCER: "freelancer", ADMIN: "admin" } as const;
    for (const [role, user] of Object.entries(users)) {
      const caller = callerFor(db.prisma, user);
      for (const [owner, procedure] of Object.entries(procedures)) {
        const call = caller.dashboard[procedure]();
        if (owner === role) await expect(call).resolves.toBeDefined();
        else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
  });

  it("takes the role from the database, not from the session cookie", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const forged = callerFor(db.prisma, { ...freelancer, role: "ADMIN" });
    await expect(forged.dashboard.admin()).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only admins can do this." });
  });

  it("ends the session of an account that no longer exists", async () => {
    const ghost = { id: "00000000-0000-4000-8000-000000000000", email: "ghost@test.local", name: "Ghost", role: "CLIENT" as const };
    await expect(callerFor(db.prisma, ghost).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("returns the signed-in person's own account", async () => {
    const client = await makeUser(db.prisma, "CLIENT");
    await expect(callerFor(db.prisma, client).me.get()).resolves.toMatchObject({ id: client.id, role: "CLIENT" });
  });
});

describe("auth.signUp", () => {
  it("creates a freelancer and refuses a second account with the same email", async () => {
    const anonymous = anonymousCaller(db.prisma);
    const input = { name: "Ana", email: "Ana@Example.com", password: "long enough password", role: "FREELANCER" as const };
    await expect(anonymous.auth.signUp(input)).resolves.toMatchObject({ email: "ana@example.com", role: "FREELANCER" });
    await expect(anonymous.auth.signUp({ ...input, email: "ana@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "An account with this email already exists. Sign in instead.",
    });
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const before = await db.prisma.user.count();
    const anonymous = anonymousCaller(db.prisma);
    const error = await anonymous.auth
      .signUp({ name: "", email: "not-an-email", password: "short", role: "FREELANCER" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    // Admin accounts cannot be self-made.
    await expect(
      anonymous.auth.signUp({ name: "Eve", email: "eve@example.com", password: "long enough password", role: "ADMIN" as "CLIENT" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.prisma.user.count()).toBe(before);
  });
});
