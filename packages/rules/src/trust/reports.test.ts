import { describe, expect, it } from "vitest";
import { REPORT_ACTION_EFFECTS, REPORT_REASON_KEYS, REPORT_REASONS, REPORT_THROTTLE, isReportReason, reportActionsFor, reportPriority, reportThrottle } from "./reports";

const at = (iso: string) => new Date(iso);

describe("report reasons (economy.md §5.2)", () => {
  it("lists six reasons, each with a label, and knows no other", () => {
    expect(REPORT_REASON_KEYS).toEqual(["scam", "off_platform", "spam", "harassment", "misleading", "other"]);
    for (const key of REPORT_REASON_KEYS) expect(REPORT_REASONS[key].label.length).toBeGreaterThan(3);
    expect(isReportReason("scam")).toBe(true);
    expect(isReportReason("toString")).toBe(false);
    expect(isReportReason("Scam")).toBe(false);
  });
});

describe("reportPriority", () => {
  it("weighs a scam report 3, off-platform and harassment 2, the others 1", () => {
    expect(reportPriority({ reasons: ["scam"] })).toBe(3);
    expect(reportPriority({ reasons: ["off_platform"] })).toBe(2);
    expect(reportPriority({ reasons: ["harassment"] })).toBe(2);
    expect(reportPriority({ reasons: ["spam"] })).toBe(1);
    expect(reportPriority({ reasons: ["misleading"] })).toBe(1);
    expect(reportPriority({ reasons: ["other"] })).toBe(1);
  });

  it("rises with every other reporter, and a scam-shield flag adds 2", () => {
    expect(reportPriority({ reasons: ["spam", "spam", "spam"] })).toBe(3);
    expect(reportPriority({ reasons: ["scam", "spam"] })).toBe(4);
    expect(reportPriority({ reasons: [], flagged: true })).toBe(2);
    expect(reportPriority({ reasons: ["scam"], flagged: true })).toBe(5);
    expect(reportPriority({ reasons: [] })).toBe(0);
    // Two scam reports outrank five spam reports.
    expect(reportPriority({ reasons: ["scam", "scam"] })).toBeGreaterThan(reportPriority({ reasons: ["spam", "spam", "spam", "spam", "spam"] }));
  });
});

describe("reportThrottle", () => {
  const now = at("2026-12-03T12:00:00.000Z");
  it("allows 10 reports in 24 hours and refuses the 11th until the oldest leaves the window", () => {
    expect(REPORT_THROTTLE).toEqual({ limit: 10, windowHours: 24 });
    const nine = Array.from({ length: 9 }, (_, i) => new Date(now.getTime() - (i + 1) * 3_600_000));
    expect(reportThrottle(nine, now)).toEqual({ allowed: true });
    const ten = [...nine, at("2026-12-02T13:30:00.000Z")];
    expect(reportThrottle(ten, now)).toEqual({ allowed: false, retryAt: at("2026-12-03T13:30:00.000Z") });
  });

  it("does not count reports older than 24 hours, to the millisecond", () => {
    const old = Array.from({ length: 10 }, () => at("2026-12-02T12:00:00.000Z"));
    expect(reportThrottle(old, now)).toEqual({ allowed: true });
    const justInside = Array.from({ length: 10 }, () => at("2026-12-02T12:00:00.001Z"));
    expect(reportThrottle(justInside, now)).toEqual({ allowed: false, retryAt: at("2026-12-03T12:00:00.001Z") });
  });

  it("with more than 10 in the window, waits until enough have left it", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => new Date(now.getTime() - (12 - i) * 60_000)); // 12 … 1 minutes ago
    const result = reportThrottle(twelve, now);
    // The 10 newest must leave room for one more: the third oldest (10 minutes ago) leaves at +24h.
    expect(result).toEqual({ allowed: false, retryAt: new Date(now.getTime() - 10 * 60_000 + 24 * 3_600_000) });
  });
});

describe("what each action does", () => {
  it("offers remove, warn, suspend and dismiss, but no removal of a profile", () => {
    expect(reportActionsFor("JOB")).toEqual(["remove", "warn", "suspend", "dismiss"]);
    expect(reportActionsFor("MESSAGE")).toEqual(["remove", "warn", "suspend", "dismiss"]);
    expect(reportActionsFor("PROPOSAL")).toEqual(["remove", "warn", "suspend", "dismiss"]);
    expect(reportActionsFor("PROFILE")).toEqual(["warn", "suspend", "dismiss"]);
    expect(REPORT_ACTION_EFFECTS.remove.JOB).toContain("connect");
  });
});
