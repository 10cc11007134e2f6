import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import {
  assertDisputeWindowOpen,
  autoApprovalAt,
  availableAt,
  hourlyWeekSchedule,
  isAutoApprovalDue,
  isDisputeWindowOpen,
  isHourlyReleaseDue,
} from "./timeline";

describe("fixed-price timeline", () => {
  const submittedAt = utc("2024-05-01T15:30:00Z");

  it("approves automatically 14 days after submission", () => {
    expect(autoApprovalAt(submittedAt)).toEqual(utc("2024-05-15T15:30:00Z"));
    expect(isAutoApprovalDue(submittedAt, utc("2024-05-15T15:29:59Z"))).toBe(false);
    expect(isAutoApprovalDue(submittedAt, utc("2024-05-15T15:30:00Z"))).toBe(true);
    expect(autoApprovalAt(submittedAt, { reviewWindowDays: 1 })).toEqual(utc("2024-05-02T15:30:00Z"));
  });

  it("makes released money available after the 5-day security period", () => {
    const releasedAt = utc("2024-05-15T15:30:00Z");
    expect(availableAt(releasedAt)).toEqual(utc("2024-05-20T15:30:00Z"));
  });
});

describe("hourly week schedule (economy.md §3.4)", () => {
  it("runs Monday to Monday, invoices the Monday after, allows disputes through Friday", () => {
    const expected = {
      weekStartsAt: utc("2024-05-13"),
      weekEndsAt: utc("2024-05-20"),
      invoiceAt: utc("2024-05-20"),
      disputeDeadline: utc("2024-05-25"),
      releaseAt: utc("2024-05-25"),
      availableAt: utc("2024-05-30"),
    };
    expect(hourlyWeekSchedule(utc("2024-05-13T00:00:00Z"))).toEqual(expected);
    expect(hourlyWeekSchedule(utc("2024-05-15T12:00:00Z"))).toEqual(expected);
    expect(hourlyWeekSchedule(utc("2024-05-19T23:59:59.999Z"))).toEqual(expected);
    expect(hourlyWeekSchedule(utc("2024-05-20T00:00:00Z")).weekStartsAt).toEqual(utc("2024-05-20"));
    expectViolation(() => hourlyWeekSchedule(new Date(Number.NaN)), "INVALID_DATE");
  });

  it("opens the dispute window from the invoice to the end of Friday UTC", () => {
    const week = utc("2024-05-13");
    expect(isDisputeWindowOpen(week, utc("2024-05-19T23:59:59Z"))).toBe(false);
    expect(isDisputeWindowOpen(week, utc("2024-05-20"))).toBe(true);
    expect(isDisputeWindowOpen(week, utc("2024-05-24T23:59:59.999Z"))).toBe(true);
    expect(isDisputeWindowOpen(week, utc("2024-05-25"))).toBe(false);
    expectViolation(() => assertDisputeWindowOpen(week, utc("2024-05-25")), "DISPUTE_WINDOW_CLOSED");
    expect(() => assertDisputeWindowOpen(week, utc("2024-05-21"))).not.toThrow();
    expect(isHourlyReleaseDue(week, utc("2024-05-24T23:59:59Z"))).toBe(false);
    expect(isHourlyReleaseDue(week, utc("2024-05-25"))).toBe(true);
  });
});
