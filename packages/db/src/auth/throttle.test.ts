import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffSeconds, secondsLeft, waitInWords } from "./throttle";

const policy = { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 900 };

describe("backoff between failed attempts", () => {
  it("is free for the first failures, then 30 s, 1 min, 2 min… up to the cap", () => {
    expect([0, 4, 5, 6, 7, 8, 9, 10, 11, 50].map((failures) => backoffSeconds(failures, policy))).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("never shrinks as failures add up, and never passes the cap", () => {
    fc.assert(
      fc.property(fc.nat(10_000), (failures) => {
        expect(backoffSeconds(failures + 1, policy)).toBeGreaterThanOrEqual(backoffSeconds(failures, policy));
        expect(backoffSeconds(failures, policy)).toBeLessThanOrEqual(policy.maxDelaySeconds);
      }),
    );
  });

  it("counts the seconds left from the latest failure, rounded up", () => {
    const at = new Date("2026-11-26T10:00:00Z");
    expect(secondsLeft(at, 30, new Date(at.getTime() + 10_500))).toBe(20);
    expect(secondsLeft(at, 30, new Date(at.getTime() + 30_000))).toBe(0);
  });
});

describe("a wait in words", () => {
  it("rounds up to seconds, minutes or hours", () => {
    expect([1, 30, 59.2, 60, 61, 120, 899, 3600, 5400].map(waitInWords)).toEqual([
      "1 second",
      "30 seconds",
      "1 minute",
      "1 minute",
      "2 minutes",
      "2 minutes",
      "15 minutes",
      "1 hour",
      "2 hours",
    ]);
  });
});
