import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { violationCode as codeOf } from "../test-utils";
import { divideRounded, maxMinor, percentOf, assertPositiveMinor, assertNonNegativeMinor } from "./arithmetic";
import { formatMoney } from "./format";
import { MAX_PARSED_MONEY_MINOR, parseMoney } from "./parse";

describe("formatMoney", () => {
  it.each([
    [0n, "$0.00"],
    [5n, "$0.05"],
    [100n, "$1.00"],
    [123456n, "$1,234.56"],
    [100000000n, "$1,000,000.00"],
    [-100n, "-$1.00"],
    [-123456n, "-$1,234.56"],
  ])("formats %s as %s", (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });
});

describe("parseMoney", () => {
  it.each([
    ["12.34", 1234n],
    ["12", 1200n],
    ["12.3", 1230n],
    ["$1,234.5", 123450n],
    ["  $ 1,234,567.89 ", 123456789n],
    ["0.01", 1n],
    [".5", 50n],
    ["5.", 500n],
    ["007", 700n],
    ["1.230", 123n],
    ["10,000,000", MAX_PARSED_MONEY_MINOR],
  ])("parses %j", (input, minor) => {
    expect(parseMoney(input)).toBe(minor);
  });

  it.each([
    ["-1", "MONEY_NEGATIVE"],
    ["-$1.00", "MONEY_NEGATIVE"],
    ["$-1.00", "MONEY_NEGATIVE"],
    ["1.234", "MONEY_FRACTION_OF_CENT"],
    ["0.001", "MONEY_FRACTION_OF_CENT"],
    ["10000000.01", "MONEY_TOO_LARGE"],
    ["99999999999999999999", "MONEY_TOO_LARGE"],
    ["NaN", "MONEY_INVALID_FORMAT"],
    ["Infinity", "MONEY_INVALID_FORMAT"],
    ["1e3", "MONEY_INVALID_FORMAT"],
    ["1E-2", "MONEY_INVALID_FORMAT"],
    ["", "MONEY_INVALID_FORMAT"],
    ["$", "MONEY_INVALID_FORMAT"],
    [".", "MONEY_INVALID_FORMAT"],
    ["1,23", "MONEY_INVALID_FORMAT"],
    ["12 34", "MONEY_INVALID_FORMAT"],
    ["+5", "MONEY_INVALID_FORMAT"],
    ["0x10", "MONEY_INVALID_FORMAT"],
  ])("refuses %j with %s", (input, code) => {
    expect(codeOf(() => parseMoney(input))).toBe(code);
  });

  it("takes a custom maximum", () => {
    expect(codeOf(() => parseMoney("5.01", 500n))).toBe("MONEY_TOO_LARGE");
    expect(parseMoney("5", 500n)).toBe(500n);
  });

  it("round-trips every formatted amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_PARSED_MONEY_MINOR }), (minor) => {
        expect(parseMoney(formatMoney(minor))).toBe(minor);
      }),
    );
  });
});

describe("arithmetic", () => {
  it("takes a percentage rounding half up by default", () => {
    expect(percentOf(1000n, 300)).toBe(30n);
    expect(percentOf(50n, 100)).toBe(1n); // 0.5 cent rounds up
    expect(percentOf(49n, 100)).toBe(0n); // 0.49 cent rounds down
    expect(percentOf(50n, 100, "down")).toBe(0n);
    expect(percentOf(1n, 1, "up")).toBe(1n);
    expect(percentOf(0n, 10_000)).toBe(0n);
    expect(percentOf(777n, 10_000)).toBe(777n);
  });

  it("refuses bad rates and negative amounts", () => {
    expect(codeOf(() => percentOf(1n, 10_001))).toBe("FEE_SCHEDULE_INVALID");
    expect(codeOf(() => percentOf(1n, -1))).toBe("FEE_SCHEDULE_INVALID");
    expect(codeOf(() => percentOf(1n, 1.5))).toBe("FEE_SCHEDULE_INVALID");
    expect(codeOf(() => percentOf(-1n, 100))).toBe("AMOUNT_NEGATIVE");
    expect(codeOf(() => divideRounded(1n, 0n))).toBe("AMOUNT_NEGATIVE");
  });

  it("compares", () => {
    expect(maxMinor(5n, 2n, 9n)).toBe(9n);
    expect(maxMinor(5n)).toBe(5n);
  });

  it("asserts signs", () => {
    expect(codeOf(() => assertPositiveMinor(0n))).toBe("AMOUNT_NOT_POSITIVE");
    expect(codeOf(() => assertPositiveMinor(1n))).toBeUndefined();
    expect(codeOf(() => assertNonNegativeMinor(-1n))).toBe("AMOUNT_NEGATIVE");
    expect(codeOf(() => assertNonNegativeMinor(0n))).toBeUndefined();
  });

  it("rounds within half a unit of the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divideRounded(n, d);
        expect(2n * (n - q * d) < d && 2n * (q * d - n) <= d).toBe(true);
      }),
    );
  });
});
