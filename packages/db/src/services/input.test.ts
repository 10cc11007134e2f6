import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Id, parseCall, parseInput, unknownFieldsSentence } from "./input";

const Input = z.strictObject({
  title: z.string("Give it a title.").min(1, "Give it a title."),
  amountMinor: z.bigint("Enter the amount in cents."),
  card: z.strictObject({ number: z.string() }).optional(),
});

describe("parseInput", () => {
  it("returns the parsed fields", () => {
    expect(parseInput(Input, { title: "A", amountMinor: 5n })).toEqual({ title: "A", amountMinor: 5n });
  });

  it("names every problem once, with each field's path for the form", () => {
    let thrown: unknown;
    try {
      parseInput(Input, { title: "", amountMinor: "5", role: "ADMIN", card: { number: "4242", status: "VERIFIED" } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "INVALID_REQUEST",
      message: 'Give it a title. Enter the amount in cents. "card.status" is not a field you can set. "role" is not a field you can set.',
      details: {
        issues: [
          { path: "title", message: "Give it a title." },
          { path: "amountMinor", message: "Enter the amount in cents." },
          { path: "card", message: '"card.status" is not a field you can set.' },
          { path: "", message: '"role" is not a field you can set.' },
        ],
      },
    });
  });
});

describe("unknownFieldsSentence", () => {
  it("names one, two or many fields, at most five, each cut to a line", () => {
    expect(unknownFieldsSentence(["role"])).toBe('"role" is not a field you can set.');
    expect(unknownFieldsSentence(["role", "balanceMinor"])).toBe('"role" and "balanceMinor" are not fields you can set.');
    expect(unknownFieldsSentence(["a", "b", "c", "d", "e", "f", "g"])).toBe('"a", "b", "c", "d", "e" and 2 more are not fields you can set.');
    expect(unknownFieldsSentence(["x".repeat(10_000)])).toBe(`"${"x".repeat(80)}…" is not a field you can set.`);
  });
});

describe("parseCall", () => {
  it("checks the typed fields and passes who acts and when through as they are", () => {
    const now = new Date("2026-12-03T00:00:00.000Z");
    expect(parseCall(Input, { title: "A", amountMinor: 1n, actorId: "u1", now })).toEqual({ title: "A", amountMinor: 1n, actorId: "u1", now });
    expect(() => parseCall(Input, { title: "A", amountMinor: 1n, now } as never)).not.toThrow();
  });

  it("reads a malformed id as one that does not exist", () => {
    expect(Id("milestone").safeParse("not-a-uuid").error?.issues[0]?.message).toBe("That milestone does not exist.");
  });
});
