import { describe, expect, it } from "vitest";
import { formatAge, formatDate, formatDateTime, formatLastDay } from "./format";

const day = 86_400_000;
const now = new Date("2026-11-26T12:00:00Z");

describe("formatAge", () => {
  it.each([
    [0, "today"],
    [day - 1, "today"],
    [day, "1 day"],
    [3 * day, "3 days"],
    [59 * day, "59 days"],
    [61 * day, "2 months"],
    [800 * day, "2 years"],
  ])("%i ms ago reads %s", (ago, expected) => {
    expect(formatAge(new Date(now.getTime() - ago), now)).toBe(expected);
  });
});

describe("formatDate", () => {
  it("formats in UTC so server and browser agree", () => {
    expect(formatDate(new Date("2026-01-01T00:30:00Z"))).toBe("Jan 1, 2026");
  });
});

describe("formatLastDay", () => {
  it("reads a Saturday 00:00 UTC deadline as the Friday before it", () => {
    expect(formatLastDay(new Date("2024-05-25T00:00:00Z"))).toBe("Fri, May 24, 2024");
  });
});

describe("formatDateTime", () => {
  it("prints the time in UTC and says so", () => {
    expect(formatDateTime(new Date("2026-01-01T00:30:00Z"))).toBe("Jan 1, 2026, 12:30 AM UTC");
  });
});
