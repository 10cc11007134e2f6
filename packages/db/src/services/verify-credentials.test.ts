import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing";
import { signUp } from "./sign-up";
import { LOGIN_THROTTLE, verifyCredentials } from "./verify-credentials";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 10 });
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "SIGNED_IN"));
const count = (list: (string | undefined)[], code: string) => list.filter((c) => c === code).length;

describe("verifyCredentials under simultaneous guesses", () => {
  it("checks at most the allowed number of passwords for one account, however many arrive at once", async () => {
    await signUp(db.prisma, { email: "vic@example.com", name: "Vic", password: "right password!", role: "CLIENT", now });
    const guess = (i: number) => verifyCredentials(db.prisma, { email: "vic@example.com", password: `guess ${i}`, ip: `10.1.0.${i % 250}`, now });
    const burst = codes(await Promise.allSettled(Array.from({ length: 20 }, (_, i) => guess(i))));
    expect(count(burst, "INVALID_CREDENTIALS")).toBeLessThanOrEqual(LOGIN_THROTTLE.maxFailuresPerEmail);
    expect(count(burst, "INVALID_CREDENTIALS") + count(burst, "TOO_MANY_ATTEMPTS")).toBe(20);
    // Every checked password is on record, so guesses one by one get only the rest of the allowance.
    const oneByOne = [];
    for (let i = 20; i < 40; i++) oneByOne.push(...codes(await Promise.allSettled([guess(i)])));
    expect(count(burst, "INVALID_CREDENTIALS") + count(oneByOne, "INVALID_CREDENTIALS")).toBe(LOGIN_THROTTLE.maxFailuresPerEmail);
    expect(await db.prisma.loginAttempt.count({ where: { email: "vic@example.com" } })).toBe(LOGIN_THROTTLE.maxFailuresPerEmail);
    await expect(verifyCredentials(db.prisma, { email: "vic@example.com", password: "right password!", ip: "10.9.9.9", now })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
  });

  it("checks at most the allowed number of passwords from one address, however many arrive at once", async () => {
    const ip = "203.0.113.50";
    const guesses = Array.from({ length: LOGIN_THROTTLE.maxFailuresPerIp + 10 }, (_, i) =>
      verifyCredentials(db.prisma, { email: `target${i}@example.com`, password: "guess", ip, now }),
    );
    const results = codes(await Promise.allSettled(guesses));
    expect(count(results, "INVALID_CREDENTIALS")).toBeLessThanOrEqual(LOGIN_THROTTLE.maxFailuresPerIp);
  });

  it("lets simultaneous right passwords in and does not count them as failures", async () => {
    await signUp(db.prisma, { email: "wes@example.com", name: "Wes", password: "right password!", role: "FREELANCER", now });
    const attempts = Array.from({ length: 4 }, () =>
      verifyCredentials(db.prisma, { email: "wes@example.com", password: "right password!", ip: "10.2.0.1", now }),
    );
    expect(codes(await Promise.allSettled(attempts))).toEqual(["SIGNED_IN", "SIGNED_IN", "SIGNED_IN", "SIGNED_IN"]);
    expect(await db.prisma.loginAttempt.count({ where: { email: "wes@example.com", succeeded: false } })).toBe(0);
  });
});
