import { describe, expect, it } from "vitest";
import { z } from "zod";
import { unexpectedFields, unexpectedInputFields } from "./unexpected-fields";

const card = z.object({ number: z.string(), cvc: z.string() });
const input = z.object({
  idempotencyKey: z.string(),
  amountMinor: z.bigint(),
  card: card.optional(),
  lines: z.array(z.object({ hours: z.number() })).default([]),
  note: z.string().nullable().optional(),
  target: z.discriminatedUnion("kind", [z.object({ kind: z.literal("BANK"), iban: z.string() }), z.object({ kind: z.literal("PAYPAL"), email: z.string() })]),
});
const ok = { idempotencyKey: "k", amountMinor: 1n, target: { kind: "PAYPAL", email: "a@b.c" } };

describe("unexpectedFields", () => {
  it("finds nothing in an input that only uses declared fields", () => {
    expect(unexpectedFields(input, ok)).toEqual([]);
    expect(unexpectedFields(input, { ...ok, card: { number: "4242", cvc: "1" }, lines: [{ hours: 1 }], note: null })).toEqual([]);
  });

  it("names extra fields at any depth", () => {
    expect(unexpectedFields(input, { ...ok, role: "ADMIN", balanceMinor: 5n })).toEqual(["role", "balanceMinor"]);
    expect(unexpectedFields(input, { ...ok, card: { number: "4242", cvc: "1", status: "VERIFIED" } })).toEqual(["card.status"]);
    expect(unexpectedFields(input, { ...ok, lines: [{ hours: 1 }, { hours: 2, rateMinor: 1n }] })).toEqual(["lines[1].rateMinor"]);
    expect(unexpectedFields(input, { ...ok, target: { kind: "PAYPAL", email: "a@b.c", verified: true } })).toEqual(["target.verified"]);
  });

  it("leaves wrong types to zod and respects open objects", () => {
    expect(unexpectedFields(input, { ...ok, card: "not an object", lines: 3 })).toEqual([]);
    expect(unexpectedFields(z.object({ a: z.string() }).loose(), { a: "x", b: 1 })).toEqual([]);
    expect(unexpectedFields(z.record(z.string(), z.object({ a: z.number() })), { x: { a: 1, b: 2 } })).toEqual(["x.b"]);
  });

  it("expects a field that any of a procedure's merged inputs declares", () => {
    expect(unexpectedInputFields([z.object({ a: z.string() }), z.object({ b: z.string() })], { a: "", b: "", c: "" })).toEqual(["c"]);
    expect(unexpectedInputFields([], { anything: 1 })).toEqual([]);
  });
});
