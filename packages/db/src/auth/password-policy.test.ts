import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_LENGTH } from "./password-policy";

const owner = { email: "dana.rivers@example.com", name: "Dana Rivers" };
const problem = (password: string, who = owner) => passwordProblem(password, who);

describe("the password policy", () => {
  it("accepts long passwords that are none of the below", async () => {
    for (const password of ["correct horse battery", "fairlance-demo", "my cat eats 3 lemons", "Vq8#kL2!pZr0"]) {
      expect(await problem(password), password).toBeNull();
    }
  });

  it("refuses the passwords the attacker got through", async () => {
    expect(await problem("1234567890")).toMatch(/repeated or sequential pattern/);
    expect(await problem("aaaaaaaaaa")).toMatch(/repeated or sequential pattern/);
    expect(await problem("          ")).toBe("A password of only spaces is easy to guess. Use words, letters or digits.");
    expect(await problem("dana.rivers@example.com")).toMatch(/contains your email address/);
  });

  it("refuses passwords from the common list, whatever their case, also with digits or symbols added", async () => {
    const common = "This password is on a list of common passwords that attackers try first. Choose another.";
    expect(await problem("basketball")).toBe(common);
    expect(await problem("Password123")).toBe(common);
    expect(await problem("1q2w3e4r5t")).toBe(common);
    expect(await problem("basketball2024!")).toMatch(/common password with digits or symbols added/);
  });

  it("refuses repeated blocks, runs and keyboard rows, forwards and backwards", async () => {
    for (const password of ["abcabcabca", "1010101010", "passwordpassword", "abcdefghij", "jihgfedcba", "0987654321", "7890123456", "qwertyuiop", "poiuytrewq", "asdfghjkl;", "12 34 56 78 90"]) {
      expect(await problem(password), password).toMatch(/repeated or sequential pattern/);
    }
  });

  it("refuses a password containing the email, its local part (4 characters or more) or the name", async () => {
    expect(await problem("xx dana.rivers yy")).toMatch(/contains your email address/);
    expect(await problem("Dana Rivers rocks")).toMatch(/contains your name/);
    expect(await problem("danarivers1987")).toMatch(/contains your name/);
    // A local part of 3 characters is too common a string to forbid.
    expect(await problem("sam loves long walks", { email: "sam@example.com", name: "S" })).toBeNull();
  });

  it("refuses too short and too long passwords with the length rule's own sentence", async () => {
    expect(await problem("short")).toBe("Use at least 10 characters for your password.");
    expect(await problem("x".repeat(PASSWORD_LENGTH.max) + "yz")).toBe("Passwords are at most 200 characters.");
  });

  it("refuses any single character repeated, at any allowed length", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 1, unit: "grapheme-ascii" }), fc.integer({ min: 1, max: PASSWORD_LENGTH.max }), async (char, times) => {
        expect(await problem(char.repeat(times))).not.toBeNull();
      }),
    );
  });

  it("refuses any stretch of 10 or more characters along a run or keyboard row", async () => {
    const run = "01234567890123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: run.length - 10 }), fc.integer({ min: 10, max: 20 }), async (start, size) => {
        const stretch = run.slice(start, start + size);
        fc.pre(/^[0-9]+$|^[a-z]+$/.test(stretch));
        expect(await problem(stretch)).not.toBeNull();
      }),
    );
  });

  it("accepts only passwords of at least 10 characters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (password) => {
        if ((await problem(password)) === null) expect([...password].length).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});
