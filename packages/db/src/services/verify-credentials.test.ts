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
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const PAIR = LOGIN_THROTTLE.perAccountAndAddress;
const ADDRESS = LOGIN_THROTTLE.perAddress;
const PASSWORD = "right password!";

const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "SIGNED_IN"));
const count = (list: (string | undefined)[], code: string) => list.filter((c) => c === code).length;

let n = 0;
async function account() {
  const email = `person${n++}@example.com`;
  await signUp(db.prisma, { email, name: `Person ${n}`, password: PASSWORD, role: "CLIENT", ip: `192.0.2.${n}`, now: at(-3600) });
  return email;
}
const attempt = (email: string, password: string, ip: string, when = now) => verifyCredentials(db.prisma, { email, password, ip, now: when });
const failures = (email: string, ip: string) => db.prisma.loginAttempt.count({ where: { email, ip, succeeded: false } });

describe("verifyCredentials slows guessing without locking the owner out", () => {
  it("lets the owner in from a clean address while the account is under attack from another", async () => {
    const email = await account();
    for (let i = 0; i < PAIR.freeFailures + 3; i++) await attempt(email, `guess ${i}`, "203.0.113.1").catch(() => undefined);
    await expect(attempt(email, PASSWORD, "203.0.113.1")).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    await expect(attempt(email, PASSWORD, "198.51.100.7")).resolves.toMatchObject({ email });
  });

  it("makes each guess past the free ones wait longer: 30 seconds, 1 minute, 2 minutes…, saying how long", async () => {
    const email = await account();
    const ip = "203.0.113.2";
    for (let i = 0; i < PAIR.freeFailures; i++) await expect(attempt(email, `guess ${i}`, ip)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(email, "guess", ip, at(1))).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS", message: "Too many wrong passwords were tried. Try again in 29 seconds." });
    await expect(attempt(email, "guess", ip, at(30))).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(email, "guess", ip, at(40))).rejects.toMatchObject({ message: "Too many wrong passwords were tried. Try again in 50 seconds." });
    await expect(attempt(email, "guess", ip, at(90))).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(email, "guess", ip, at(91))).rejects.toMatchObject({ message: "Too many wrong passwords were tried. Try again in 2 minutes." });
    // Even the right password waits its turn from this address.
    await expect(attempt(email, PASSWORD, ip, at(200))).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    await expect(attempt(email, PASSWORD, ip, at(210))).resolves.toMatchObject({ email });
    // Throttled attempts were not counted: only the checked passwords are failures on record.
    expect(await failures(email, ip)).toBe(PAIR.freeFailures + 2);
  });

  it("caps the wait and forgives failures after the window", async () => {
    const email = await account();
    const ip = "203.0.113.3";
    let when = 0;
    for (let i = 0; i < PAIR.freeFailures + 8; i++) {
      await attempt(email, "guess", ip, at(when)).catch(() => undefined);
      when += PAIR.maxDelaySeconds;
    }
    expect(await failures(email, ip)).toBe(PAIR.freeFailures + 8);
    await expect(attempt(email, "guess", ip, at(when - PAIR.maxDelaySeconds + 1))).rejects.toMatchObject({ message: "Too many wrong passwords were tried. Try again in 15 minutes." });
    await expect(attempt(email, PASSWORD, ip, at(when + LOGIN_THROTTLE.windowHours * 3600))).resolves.toMatchObject({ email });
  });

  it("starts the count again after the right password from that address", async () => {
    const email = await account();
    const ip = "203.0.113.4";
    for (let i = 0; i < PAIR.freeFailures - 1; i++) await expect(attempt(email, "typo", ip)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(email, PASSWORD, ip)).resolves.toMatchObject({ email });
    for (let i = 0; i < PAIR.freeFailures; i++) await expect(attempt(email, "typo", ip)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(email, "typo", ip)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });

  it("slows an address that tries many accounts, for every account, but no other address", async () => {
    const email = await account();
    const ip = "203.0.113.5";
    for (let i = 0; i < ADDRESS.freeFailures; i++) {
      await expect(attempt(`target${i}@example.com`, "guess", ip)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    // This account never failed from here: only the address's own limit holds it back.
    expect(await failures(email, ip)).toBe(0);
    await expect(attempt(email, PASSWORD, ip, at(10))).rejects.toMatchObject({ message: "Too many wrong passwords were tried. Try again in 20 seconds." });
    await expect(attempt(email, PASSWORD, "198.51.100.8", at(10))).resolves.toMatchObject({ email });
    await expect(attempt(email, PASSWORD, ip, at(30))).resolves.toMatchObject({ email });
    // Signing in to one's own account does not reset the address's failures: the waits keep growing.
    await expect(attempt("target0@example.com", "guess", ip, at(31))).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt("target1@example.com", "guess", ip, at(40))).rejects.toMatchObject({ message: "Too many wrong passwords were tried. Try again in 51 seconds." });
  });
});

describe("verifyCredentials under simultaneous guesses", () => {
  it("checks at most the free number of passwords for one account from one address, however many arrive at once", async () => {
    const email = await account();
    const ip = "203.0.113.6";
    const guess = (i: number) => attempt(email, `guess ${i}`, ip);
    const burst = codes(await Promise.allSettled(Array.from({ length: 20 }, (_, i) => guess(i))));
    expect(count(burst, "INVALID_CREDENTIALS")).toBeLessThanOrEqual(PAIR.freeFailures);
    expect(count(burst, "INVALID_CREDENTIALS") + count(burst, "TOO_MANY_ATTEMPTS")).toBe(20);
    // Every checked password is on record, so guesses one by one get only the rest of the allowance.
    const oneByOne = [];
    for (let i = 20; i < 40; i++) oneByOne.push(...codes(await Promise.allSettled([guess(i)])));
    expect(count(burst, "INVALID_CREDENTIALS") + count(oneByOne, "INVALID_CREDENTIALS")).toBe(PAIR.freeFailures);
    expect(await failures(email, ip)).toBe(PAIR.freeFailures);
    // A second burst once the first wait is over: one more password is checked, not twenty.
    const later = (i: number) => attempt(email, `later ${i}`, ip, at(PAIR.firstDelaySeconds));
    const second = codes(await Promise.allSettled(Array.from({ length: 20 }, (_, i) => later(i))));
    const after = codes(await Promise.allSettled([later(20)]));
    expect(count(second, "INVALID_CREDENTIALS") + count(after, "INVALID_CREDENTIALS")).toBe(1);
  });

  it("checks at most the free number of passwords from one address across accounts, however many arrive at once", async () => {
    const ip = "203.0.113.7";
    const guesses = Array.from({ length: ADDRESS.freeFailures + 10 }, (_, i) => attempt(`burst${i}@example.com`, "guess", ip));
    const results = codes(await Promise.allSettled(guesses));
    expect(count(results, "INVALID_CREDENTIALS")).toBeLessThanOrEqual(ADDRESS.freeFailures);
    expect(count(results, "INVALID_CREDENTIALS") + count(results, "TOO_MANY_ATTEMPTS")).toBe(ADDRESS.freeFailures + 10);
  });

  it("lets simultaneous right passwords in and does not count them as failures", async () => {
    const email = await account();
    const attempts = Array.from({ length: 4 }, () => attempt(email, PASSWORD, "10.2.0.1"));
    expect(codes(await Promise.allSettled(attempts))).toEqual(["SIGNED_IN", "SIGNED_IN", "SIGNED_IN", "SIGNED_IN"]);
    expect(await failures(email, "10.2.0.1")).toBe(0);
  });
});
