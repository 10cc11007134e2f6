import { describe, expect, it } from "vitest";
import { formatBid, formatMoney, readMoney } from "./money";

describe("formatMoney", () => {
  it("signs a negative amount with a true minus", () => {
    expect(formatMoney(123_456n)).toBe("$1,234.56");
    expect(formatMoney(0n)).toBe("$0.00");
    expect(formatMoney(-50_000n)).toBe("\u2212$500.00");
  });
});

describe("readMoney", () => {
  it("reads dollars into cents exactly", () => {
    expect(readMoney("1,234.50")).toEqual({ ok: true, minor: 123_450n });
    expect(readMoney("$0.10")).toEqual({ ok: true, minor: 10n });
  });
  it.each(["1.005", "-3", "1e3", "abc", ""])("refuses %j with a sentence", (input) => {
    const result = readMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
  });
});

describe("formatBid", () => {
  it("says an hourly bid is per hour, a fixed one is the amount", () => {
    expect(formatBid(5_000n, "HOURLY")).toBe("$50.00/hr");
    expect(formatBid(100_000n, "FIXED")).toBe("$1,000.00");
  });
});
