import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing";
import { PASSWORD_HASH_OPTIONS } from "../auth/password";
import { SIGN_UP_THROTTLE, signUp, signUpThrottle } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 10 });
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const ip = "192.0.2.1";

describe("signUp", () => {
  it("stores an argon2id hash with OWASP parameters, never the password", async () => {
    const user = await signUp(db.prisma, { email: " Zoe@Example.COM ", name: "Zoe", password: "s3cret password", role: "CLIENT", ip, now });
    expect(user.email).toBe("zoe@example.com");
    const { passwordHash } = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHash).not.toContain("s3cret");
    expect(PASSWORD_HASH_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
  });

  it("lets only one of two simultaneous sign-ups with one email through", async () => {
    const input = { email: "race@example.com", name: "Race", password: "long enough password", role: "FREELANCER" as const, ip: "192.0.2.2", now };
    const results = await Promise.allSettled([signUp(db.prisma, input), signUp(db.prisma, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "EMAIL_TAKEN" } });
  });

  it("refuses weak passwords with a sentence saying what to do, before anything is counted or stored", async () => {
    const person = { email: "wendy.walsh@example.com", name: "Wendy Walsh", role: "CLIENT" as const, ip: "192.0.2.3", now };
    for (const [password, sentence] of [
      ["1234567890", /repeated or sequential pattern/],
      ["aaaaaaaaaa", /repeated or sequential pattern/],
      ["          ", /only spaces/],
      ["wendy.walsh@example.com", /contains your email address/],
      ["iloveyou12", /list of common passwords that attackers try first\. Choose another\./],
    ] as const) {
      await expect(signUp(db.prisma, { ...person, password }), password).rejects.toMatchObject({ code: "WEAK_PASSWORD", message: expect.stringMatching(sentence) });
    }
    expect(await db.prisma.user.count({ where: { email: person.email } })).toBe(0);
    expect(await db.prisma.rateLimitHit.count({ where: { subject: person.ip } })).toBe(0);
  });
});

describe("the sign-up throttle", () => {
  const attempt = (email: string, from: string, when = now) =>
    signUp(db.prisma, { email, name: "Tess", password: "long enough password", role: "CLIENT", ip: from, now: when });

  it("counts every sign-up from an address, taken emails included, and says when to try again", async () => {
    const from = "198.51.100.20";
    await attempt("taken@example.com", "192.0.2.99");
    for (let i = 0; i < SIGN_UP_THROTTLE.limit; i++) {
      await expect(attempt("taken@example.com", from, minutes(i))).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    }
    await expect(attempt("new1@example.com", from, minutes(10))).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: "Too many sign-ups came from your network in the last hour. Try again in 50 minutes.",
    });
    // Asking again does not prolong the wait, and another address is not affected.
    await expect(attempt("new1@example.com", from, minutes(59))).rejects.toMatchObject({ message: expect.stringMatching(/Try again in 1 minute\.$/) });
    await expect(attempt("new2@example.com", "198.51.100.21", minutes(59))).resolves.toMatchObject({ email: "new2@example.com" });
    expect(await db.prisma.rateLimitHit.count({ where: { bucket: SIGN_UP_THROTTLE.bucket, subject: from } })).toBe(SIGN_UP_THROTTLE.limit);
    await expect(attempt("new1@example.com", from, minutes(60))).resolves.toMatchObject({ email: "new1@example.com" });
  });

  it("takes its limit from FAIRLANCE_SIGN_UP_LIMIT when set, and refuses a value that is not a count", () => {
    const saved = process.env.FAIRLANCE_SIGN_UP_LIMIT;
    try {
      delete process.env.FAIRLANCE_SIGN_UP_LIMIT;
      expect(signUpThrottle()).toEqual(SIGN_UP_THROTTLE);
      process.env.FAIRLANCE_SIGN_UP_LIMIT = "500";
      expect(signUpThrottle()).toEqual({ ...SIGN_UP_THROTTLE, limit: 500 });
      for (const bad of ["0", "-1", "ten", "1.5"]) {
        process.env.FAIRLANCE_SIGN_UP_LIMIT = bad;
        expect(() => signUpThrottle()).toThrow(/FAIRLANCE_SIGN_UP_LIMIT must be a whole number from 1 to 100000/);
      }
    } finally {
      if (saved === undefined) delete process.env.FAIRLANCE_SIGN_UP_LIMIT;
      else process.env.FAIRLANCE_SIGN_UP_LIMIT = saved;
    }
  });

  it("lets at most the limit through from one address, however many arrive at once", async () => {
    const from = "198.51.100.30";
    const results = await Promise.allSettled(Array.from({ length: SIGN_UP_THROTTLE.limit + 5 }, (_, i) => attempt(`burst${i}@example.com`, from)));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code);
    expect(refused.every((code) => code === "TOO_MANY_ATTEMPTS")).toBe(true);
    const created = await db.prisma.user.count({ where: { email: { startsWith: "burst" } } });
    expect(created).toBeLessThanOrEqual(SIGN_UP_THROTTLE.limit);
    expect(created + refused.length).toBe(SIGN_UP_THROTTLE.limit + 5);
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password (any email case) and refuses a wrong one or an unknown email alike", async () => {
    await signUp(db.prisma, { email: "sam@example.com", name: "Sam", password: "right password!", role: "FREELANCER", ip, now });
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
});
