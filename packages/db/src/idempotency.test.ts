import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCodec } from "./idempotency";

/** What a JSON column gives back: the encoding through JSON text. */
const throughColumn = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("jsonCodec (stored idempotent results)", () => {
  const codec = jsonCodec<unknown>();

  it("gives back text that looks like a bigint or a date as text", () => {
    const result = { title: "42n", dueLabel: "2026-12-02T18:00:00.000Z", tag: { $bigint: "5" }, amountMinor: 4200n, at: new Date("2026-12-02T18:00:00.000Z") };
    expect(codec.decode(throughColumn(codec.encode(result)))).toEqual(result);
  });

  it("round-trips any result exactly (property)", () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.bigInt(),
      fc.date({ noInvalidDate: true }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.string().filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (result) => {
        expect(codec.decode(throughColumn(codec.encode(result)))).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it("still reads results stored by the earlier encoding", () => {
    expect(codec.decode({ amountMinor: { $bigint: "150" }, at: "2026-12-02T18:00:00.000Z", ids: ["a"] })).toEqual({
      amountMinor: 150n,
      at: new Date("2026-12-02T18:00:00.000Z"),
      ids: ["a"],
    });
  });
});
