import { describe, expect, it } from "vitest";
import { serviceFeeInWords } from "./terms-text";

describe("serviceFeeInWords", () => {
  const bands = [
    { fromMinor: 0n, toMinor: 50_000n, rateBps: 2_000 },
    { fromMinor: 50_000n, toMinor: 1_000_000n, rateBps: 1_000 },
    { fromMinor: 1_000_000n, toMinor: null, rateBps: 500 },
  ];
  it("says the tiered schedule in force, band by band", () => {
    expect(serviceFeeInWords({ model: "tiered", bands })).toBe("20% of the first $500.00 you bill a client, 10% up to $10,000.00, 5% beyond");
  });
  it("says a flat rate as one rate", () => {
    expect(serviceFeeInWords({ model: "flat", bands: [{ fromMinor: 0n, toMinor: null, rateBps: 1_250 }] })).toBe("a flat 12.5% of what you bill");
  });
  it("says a variable schedule by the payment's size", () => {
    expect(serviceFeeInWords({ model: "variable", bands })).toBe("20% of a payment up to $500.00, 10% up to $10,000.00, 5% beyond");
  });
});
