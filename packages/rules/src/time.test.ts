import { describe, expect, it } from "vitest";
import { isRuleViolation, RuleViolation } from "./errors";
import { compareIds } from "./order";
import { expectViolation, utc } from "./test-utils";
import {
  addDays,
  addUtcMonths,
  daysInUtcMonth,
  lastWeekdayOfUtcMonth,
  minDate,
  nthWeekdayOfUtcMonth,
  startedDaysBetween,
  startOfUtcDay,
  startOfUtcWeek,
  WEEKDAY,
} from "./time";

describe("UTC time helpers", () => {
  it("adds whole days", () => {
    expect(addDays(utc("2024-02-28T10:00:00Z"), 2)).toEqual(utc("2024-03-01T10:00:00Z"));
    expect(addDays(utc("2024-03-01"), -1)).toEqual(utc("2024-02-29"));
    expectViolation(() => addDays(utc("2024-03-01"), 1.5), "INVALID_DATE");
    expectViolation(() => addDays(new Date(Number.NaN), 1), "INVALID_DATE");
  });

  it("finds the start of the day and of the Monday week", () => {
    expect(startOfUtcDay(utc("2024-05-15T23:59:59.999Z"))).toEqual(utc("2024-05-15"));
    expect(startOfUtcWeek(utc("2024-05-15T12:00:00Z"))).toEqual(utc("2024-05-13")); // Wednesday
    expect(startOfUtcWeek(utc("2024-05-13T00:00:00Z"))).toEqual(utc("2024-05-13")); // Monday
    expect(startOfUtcWeek(utc("2024-05-19T23:59:59Z"))).toEqual(utc("2024-05-13")); // Sunday
  });

  it("adds months with end-of-month clamping", () => {
    expect(addUtcMonths(utc("2024-01-31T08:30:00Z"), 1)).toEqual(utc("2024-02-29T08:30:00Z"));
    expect(addUtcMonths(utc("2023-01-31"), 1)).toEqual(utc("2023-02-28"));
    expect(addUtcMonths(utc("2024-01-31"), 2)).toEqual(utc("2024-03-31"));
    expect(addUtcMonths(utc("2024-11-30"), 3)).toEqual(utc("2025-02-28"));
    expect(addUtcMonths(utc("2024-03-31"), -1)).toEqual(utc("2024-02-29"));
    expect(addUtcMonths(utc("2024-01-15"), -13)).toEqual(utc("2022-12-15"));
    expect(daysInUtcMonth(2024, 1)).toBe(29);
    expect(daysInUtcMonth(2100, 1)).toBe(28);
  });

  it("counts days between dates", () => {
    expect(startedDaysBetween(utc("2024-01-01"), utc("2024-01-03T12:00:00Z"))).toBe(3);
    expect(startedDaysBetween(utc("2024-01-01"), utc("2024-01-01"))).toBe(0);
  });

  it("finds weekdays of a month", () => {
    expect(nthWeekdayOfUtcMonth(2024, 4, WEEKDAY.wednesday, 1)).toEqual(utc("2024-05-01"));
    expect(nthWeekdayOfUtcMonth(2024, 4, WEEKDAY.wednesday, 3)).toEqual(utc("2024-05-15"));
    expect(nthWeekdayOfUtcMonth(2024, 5, WEEKDAY.wednesday, 1)).toEqual(utc("2024-06-05"));
    expect(lastWeekdayOfUtcMonth(2024, 4, WEEKDAY.wednesday)).toEqual(utc("2024-05-29"));
    expect(lastWeekdayOfUtcMonth(2024, 6, WEEKDAY.wednesday)).toEqual(utc("2024-07-31"));
  });

  it("compares dates", () => {
    expect(minDate(utc("2024-01-02"), utc("2024-01-01"), utc("2024-01-03"))).toEqual(utc("2024-01-01"));
  });

  it("orders ids by code unit", () => {
    expect(["b", "a", "B", "a"].sort(compareIds)).toEqual(["B", "a", "a", "b"]);
    expect(compareIds("x", "x")).toBe(0);
  });

  it("explains its errors", () => {
    const error = new RuleViolation("INVALID_DATE", "The date is not a valid date.");
    expect(error.details).toEqual({});
    expect(error.name).toBe("RuleViolation");
    expect(isRuleViolation(error, "INVALID_DATE")).toBe(true);
    expect(isRuleViolation(error, "MONEY_NEGATIVE")).toBe(false);
    expect(isRuleViolation(new Error("x"))).toBe(false);
    const detailed = new RuleViolation("MONEY_TOO_LARGE", "Too much.", { maxMinor: 5n, at: utc("2024-01-01"), bad: new Date(Number.NaN), list: [1n], nested: { ok: true } });
    expect(JSON.parse(JSON.stringify(detailed))).toEqual({
      name: "RuleViolation",
      code: "MONEY_TOO_LARGE",
      message: "Too much.",
      details: { maxMinor: "5", at: "2024-01-01T00:00:00.000Z", bad: null, list: ["1"], nested: { ok: true } },
    });
  });
});
