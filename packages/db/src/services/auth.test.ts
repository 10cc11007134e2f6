import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing";
import { PASSWORD_HASH_OPTIONS } from "../auth/password";
import { signUp } from "./sign-up";
import { LOGIN_THROTTLE, verifyCredentials } from "./verify-credentials";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe("signUp", () => {
  it("stores an argon2id hash with OWASP parameters, never the password", async () => {
    const user = await signUp(db.prisma, { email: " Zoe@Example.COM ", name: "Zoe", password: "s3cret password", role: "CLIENT", now });
    expect(user.email).toBe("zoe@example.com");
    const { passwordHash } = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHash).not.toContain("s3cret");
    expect(PASSWORD_HASH_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
  });

  it("lets only one of two simultaneous sign-ups with one email through", async () => {
    const input = { email: "race@example.com", name: "Race", password: "long enough password", role: "FREELANCER" as const, now };
    const results = await Promise.allSettled([signUp(db.prisma, input), signUp(db.prisma, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "EMAIL_TAKEN" } });
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password (any email case) and refuses a wrong one or an unknown email alike", async () => {
    await signUp(db.prisma, { email: "sam@example.com", name: "Sam", password: "right password!", role: "FREELANCER", now });
    await expect(verifyCredentials(db.prisma, { email: "SAM@example.com", password: "right password!", ip: "1.1.1.1", now })).resolves.toMatchObject({
      email: "sam@example.com",
      role: "FREELANCER",
    });
    for (const attempt of [
      { email: "sam@example.com", password: "wrong password" },
      { email: "nobody@example.com", password: "right password!" },
    ]) {
      await expect(verifyCredentials(db.prisma, { ...attempt, ip: "1.1.1.1", now })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
        message: "Wrong email or password.",
      });
    }
  });

  it("throttles an account after repeated failures, then forgives them after the window", async () => {
    await signUp(db.prisma, { email: "tia@example.com", name: "Tia", password: "right password!", role: "CLIENT", now });
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerEmail; i++) {
      await expect(verifyCredentials(db.prisma, { email: "tia@example.com", password: `bad ${i}`, ip: `10.0.0.${i}`, now })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    // The right password from a fresh address is refused while the account is throttled.
    await expect(
      verifyCredentials(db.prisma, { email: "tia@example.com", password: "right password!", ip: "10.9.9.9", now: minutes(1) }),
    ).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    await expect(
      verifyCredentials(db.prisma, { email: "tia@example.com", password: "right password!", ip: "10.9.9.9", now: minutes(LOGIN_THROTTLE.windowMinutes + 1) }),
    ).resolves.toMatchObject({ email: "tia@example.com" });
  });

  it("throttles an address that tries many accounts", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerIp; i++) {
      await verifyCredentials(db.prisma, { email: `victim${i}@example.com`, password: "guess", ip, now }).catch(() => undefined);
    }
    await expect(verifyCredentials(db.prisma, { email: "sam@example.com", password: "right password!", ip, now })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
    await expect(verifyCredentials(db.prisma, { email: "sam@example.com", password: "right password!", ip: "198.51.100.1", now })).resolves.toBeDefined();
  });
});
