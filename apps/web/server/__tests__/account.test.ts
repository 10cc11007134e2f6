import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_UP_THROTTLE } from "@fairlance/db/services";
import { type PrismaClient } from "@fairlance/db";
import { freshDatabase, type TestDatabase } from "@fairlance/db/testing";
import { appRouter } from "@/server/root";
import { createCallerFactory, createContextInner } from "@/server/trpc";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const createCaller = createCallerFactory(appRouter);
const from = (prisma: PrismaClient, clientAddress: string, user?: Session["user"]) =>
  createCaller(createContextInner({ prisma, clientAddress, session: user ? { user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null }));

const PASSWORD = "first password, long";
const NEW = "second password, longer";
let n = 0;
async function member(address = "192.0.2.1") {
  const email = `member${n++}@example.com`;
  const user = await from(db.prisma, `${address}.${n}`).auth.signUp({ name: "Mo Member", email, password: PASSWORD, role: "CLIENT" });
  return { ...user, caller: from(db.prisma, address, user) };
}
const versionOf = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("auth.signUp", () => {
  it("is throttled per caller address: 429 with when to try again, while other addresses still sign up", async () => {
    const address = "203.0.113.40";
    for (let i = 0; i < SIGN_UP_THROTTLE.limit; i++) {
      await from(db.prisma, address).auth.signUp({ name: "Ann", email: `ann${i}@example.com`, password: PASSWORD, role: "CLIENT" });
    }
    await expect(from(db.prisma, address).auth.signUp({ name: "Ann", email: "ann-more@example.com", password: PASSWORD, role: "CLIENT" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      // The wait is the rest of the hour: "60 minutes", or "1 hour" when the sign-ups took under a second.
      message: expect.stringMatching(/^Too many sign-ups came from your network in the last hour\. Try again in (\d+ minutes?|1 hour)\.$/),
    });
    await expect(from(db.prisma, "203.0.113.41").auth.signUp({ name: "Ann", email: "ann-more@example.com", password: PASSWORD, role: "CLIENT" })).resolves.toBeDefined();
  });

  it("refuses a weak password with 422 and the policy's sentence", async () => {
    await expect(from(db.prisma, "203.0.113.42").auth.signUp({ name: "Ann", email: "ann-weak@example.com", password: "qwertyuiop", role: "CLIENT" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      cause: { code: "WEAK_PASSWORD" },
      message: expect.stringMatching(/repeated or sequential pattern/),
    });
  });
});

describe("me.changePassword", () => {
  it("changes the password and ends every session of the person", async () => {
    const { id, caller } = await member();
    const before = await versionOf(id);
    await expect(caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW })).resolves.toEqual({ sessionVersion: before + 1, keptThisSession: false });
    expect(await versionOf(id)).toBe(before + 1);
  });

  it("answers a wrong current password, a weak new one and bad input each in its own way", async () => {
    const { caller } = await member();
    await expect(caller.me.changePassword({ currentPassword: "not it at all", newPassword: NEW })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      cause: { code: "INVALID_CREDENTIALS" },
    });
    await expect(caller.me.changePassword({ currentPassword: PASSWORD, newPassword: "1111111111" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      cause: { code: "WEAK_PASSWORD" },
    });
    await expect(caller.me.changePassword({ currentPassword: "", newPassword: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("counts wrong current passwords against the caller's address", async () => {
    const { caller, email } = await member("203.0.113.43");
    for (let i = 0; i < 5; i++) await caller.me.changePassword({ currentPassword: `guess ${i}`, newPassword: NEW }).catch(() => undefined);
    expect(await db.prisma.loginAttempt.count({ where: { email, ip: "203.0.113.43", succeeded: false } })).toBe(5);
    await expect(caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("me.signOutEverywhere", () => {
  it("raises the session version of the caller only", async () => {
    const [me, other] = [await member(), await member()];
    const [mine, theirs] = [await versionOf(me.id), await versionOf(other.id)];
    await expect(me.caller.me.signOutEverywhere()).resolves.toEqual({ sessionVersion: mine + 1 });
    expect([await versionOf(me.id), await versionOf(other.id)]).toEqual([mine + 1, theirs]);
  });
});
