import { describe, expect, it } from "vitest";
import { utc } from "../test-utils";
import { scanMessage } from "./scam-shield";
import { clientTrustPanel } from "./trust-panel";

describe("scanMessage (scam shield)", () => {
  it.each([
    ["Write me at jane.doe+work@example.co.uk", "email"],
    ["Call me on +1 (555) 123-4567", "phone"],
    ["ping me on Telegram", "messenger"],
    ["my whatsapp is below", "messenger"],
    ["add me: t.me/janedoe", "messenger"],
    ["Let's do the payment outside the platform to save fees", "off_platform_payment"],
    ["You will need to cash a check for equipment", "cash_check"],
    ["First pay the training fee of $50", "upfront_fee"],
    ["Please send a deposit first", "upfront_fee"],
    ["I only pay in USDT", "crypto"],
  ])("flags %j as %s", (text, patternId) => {
    expect(scanMessage(text).map((match) => match.patternId)).toContain(patternId);
  });

  it.each(["Hi! I can deliver the logo by Friday.", "The budget is $1,500 for 3 weeks of work.", "Meeting on 2024-05-01 works for me.", "Happy to discuss the milestones."])(
    "lets %j through",
    (text) => {
      expect(scanMessage(text)).toEqual([]);
    },
  );

  it("ignores contact details once a contract exists, never payment requests", () => {
    const text = "email me at a@b.io and pay with bitcoin";
    expect(scanMessage(text).map((m) => m.patternId)).toEqual(["email", "crypto"]);
    expect(scanMessage(text, { hasContract: true })).toEqual([{ patternId: "crypto", label: "Crypto payment", category: "payment", excerpt: "bitcoin" }]);
    expect(scanMessage(text, { patterns: [] })).toEqual([]);
  });
});

describe("clientTrustPanel", () => {
  it("computes the hire rate as a whole percent", () => {
    const facts = { paymentVerified: true, totalSpentMinor: 120_000n, jobsPosted: 3, jobsWithHire: 2, hires: 4, openJobs: 1, memberSince: utc("2023-01-01") };
    expect(clientTrustPanel(facts).hireRatePercent).toBe(67);
    expect(clientTrustPanel({ ...facts, jobsPosted: 8, jobsWithHire: 1 }).hireRatePercent).toBe(13); // 12.5 → 13
    expect(clientTrustPanel({ ...facts, jobsPosted: 0, jobsWithHire: 0 }).hireRatePercent).toBeNull();
  });
});
