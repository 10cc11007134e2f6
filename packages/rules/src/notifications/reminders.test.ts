import { describe, expect, it } from "vitest";
import { AUTO_APPROVAL_REMINDER_DAYS, autoApprovalReminderDue, CONNECTS_EXPIRY_WARNING_DAYS, connectsExpiryWarningDue } from "./reminders";

const NOW = new Date("2026-12-01T12:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

describe("reminders before a deadline", () => {
  it("reminds a client of auto-approval within the last two days, not before and not after", () => {
    expect(AUTO_APPROVAL_REMINDER_DAYS).toBe(2);
    expect(autoApprovalReminderDue(hours(48), NOW)).toBe(true);
    expect(autoApprovalReminderDue(hours(1), NOW)).toBe(true);
    expect(autoApprovalReminderDue(new Date(hours(48).getTime() + 1), NOW)).toBe(false);
    expect(autoApprovalReminderDue(NOW, NOW)).toBe(false);
    expect(autoApprovalReminderDue(hours(-1), NOW)).toBe(false);
  });

  it("warns of connects expiring within seven days that are still held", () => {
    expect(CONNECTS_EXPIRY_WARNING_DAYS).toBe(7);
    expect(connectsExpiryWarningDue({ remaining: 3, expiresAt: hours(7 * 24) }, NOW)).toBe(true);
    expect(connectsExpiryWarningDue({ remaining: 3, expiresAt: hours(7 * 24 + 1) }, NOW)).toBe(false);
    expect(connectsExpiryWarningDue({ remaining: 0, expiresAt: hours(24) }, NOW)).toBe(false);
    expect(connectsExpiryWarningDue({ remaining: 3, expiresAt: NOW }, NOW)).toBe(false);
  });
});
