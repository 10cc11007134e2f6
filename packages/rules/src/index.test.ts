import { describe, expect, it } from "vitest";
import * as rules from "./index";

describe("public API", () => {
  it("exposes the entry points other packages rely on", () => {
    expect(rules.computeServiceFee({ amountMinor: 100_000n }).feeMinor).toBe(15_000n);
    expect(rules.jobConnectCost({ projectedValueMinor: 60_000n, durationDays: 7 })).toBe(4);
    expect(rules.DEFAULT_SETTINGS.clientFeeBps).toBe(300);
    for (const name of [
      "parseMoney",
      "formatMoney",
      "MarketplaceSettingsSchema",
      "SETTING_KEYS",
      "validateSettingValue",
      "nextBand",
      "computeClientFee",
      "planSpend",
      "planRefund",
      "connectRefundPolicy",
      "transitionMilestone",
      "workStartGate",
      "hourlyWeekSchedule",
      "planManualWithdrawal",
      "nextAutoWithdrawalDate",
      "fundEscrowEntries",
      "assertBalanced",
      "RuleViolation",
      "RULE_VIOLATION_CODES",
      "FEEDBACK_FACETS",
      "FACET_LABELS",
      "feedbackEligibility",
      "feedbackVisibility",
      "canEditFeedback",
      "canReply",
      "averageStars",
      "jobSuccessScore",
      "profileCompleteness",
      "PROFILE_LIMITS",
      "IMAGE_LIMITS",
      "sniffImageType",
      "imageProblem",
    ]) {
      expect(rules).toHaveProperty(name);
    }
  });

  it("lists each error code once", () => {
    expect(new Set(rules.RULE_VIOLATION_CODES).size).toBe(rules.RULE_VIOLATION_CODES.length);
  });
});
