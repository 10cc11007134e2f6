import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../testing";
import { LOGIN_THROTTLE } from "../../auth/sign-in-throttle";
import { signUp } from "../sign-up";
import { verifyCredentials } from "../verify-credentials";
import { changePassword } from "./change-password";
import { signOutEverywhere } from "./sign-out-everywhere";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");
const ip = "192.0.2.50";
const OLD = "old password, long";
const NEW = "new password, longer";

let n = 0;
async function person() {
  const email = `changer${n++}@example.com`;
  const { id } = await signUp(db.prisma, { email, name: "Chris Changer", password: OLD, role: "FREELANCER", ip: `192.0.2.${100 + n}`, now });
  return { id, email };
}
const version = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
const hashOf = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("changePassword", () => {
  it("stores the new password, ends every session, and only the new password signs in afterwards", async () => {
    const { id, email } = await person();
    const before = await version(id);
    await expect(changePassword(db.prisma, { actorId: id, currentPassword: OLD, newPassword: NEW, ip, now })).resolves.toEqual({ sessionVersion: before + 1, keptThisSession: false });
    expect(await version(id)).toBe(before + 1);
    expect(await hashOf(id)).toMatch(/^\$argon2id\$/);
    await expect(verifyCredentials(db.prisma, { email, password: OLD, ip, now })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(verifyCredentials(db.prisma, { email, password: NEW, ip, now })).resolves.toMatchObject({ id });
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const { id } = await person();
    const [hash, before] = [await hashOf(id), await version(id)];
    await expect(changePassword(db.prisma, { actorId: id, currentPassword: "not my password", newPassword: NEW, ip, now })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "That is not your current password. Enter the one you sign in with now.",
    });
    expect([await hashOf(id), await version(id)]).toEqual([hash, before]);
  });

  it("refuses a weak new password, or the current one again, and changes nothing", async () => {
    const { id, email } = await person();
    const [hash, before] = [await hashOf(id), await version(id)];
    for (const [newPassword, sentence] of [
      ["1234567890", /repeated or sequential pattern/],
      ["password123", /list of common passwords/],
      [`${email}!`, /contains your email address/],
      ["Chris Changer rocks", /contains your name/],
      [OLD, /same as your current one/],
    ] as const) {
      await expect(changePassword(db.prisma, { actorId: id, currentPassword: OLD, newPassword, ip, now }), newPassword).rejects.toMatchObject({
        code: "WEAK_PASSWORD",
        message: expect.stringMatching(sentence),
      });
    }
    expect([await hashOf(id), await version(id)]).toEqual([hash, before]);
  });

  it("throttles guesses at the current password like sign-in guesses from that address", async () => {
    const { id } = await person();
    for (let i = 0; i < LOGIN_THROTTLE.perAccountAndAddress.freeFailures; i++) {
      await expect(changePassword(db.prisma, { actorId: id, currentPassword: `guess ${i}`, newPassword: NEW, ip, now })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    await expect(changePassword(db.prisma, { actorId: id, currentPassword: OLD, newPassword: NEW, ip, now })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: "Too many wrong passwords were tried. Try again in 30 seconds.",
    });
  });

  it("lets one of two simultaneous changes win; the other is told the password just changed", async () => {
    const { id, email } = await person();
    const results = await Promise.allSettled(
      ["first new password", "second new password"].map((newPassword) => changePassword(db.prisma, { actorId: id, currentPassword: OLD, newPassword, ip, now })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    // Both may have checked the old password before either stored a new one; only one stores.
    expect(refused.length).toBeLessThanOrEqual(1);
    if (refused.length) expect(refused[0]).toMatchObject({ reason: { code: "CONFLICT" } });
    const winner = results.findIndex((r) => r.status === "fulfilled");
    await expect(verifyCredentials(db.prisma, { email, password: ["first new password", "second new password"][winner]!, ip, now })).resolves.toMatchObject({ id });
  });
});

describe("signOutEverywhere", () => {
  it("raises the session version and changes nothing else", async () => {
    const { id } = await person();
    const [hash, before] = [await hashOf(id), await version(id)];
    await expect(signOutEverywhere(db.prisma, { actorId: id, now: new Date() })).resolves.toEqual({ sessionVersion: before + 1 });
    expect([await hashOf(id), await version(id)]).toEqual([hash, before + 1]);
  });
});
