import { describe, expect, it } from "vitest";
import { SUSPENSION_POLICY, suspendedSentence, suspensionExempt, suspensionRule } from "./suspension";

describe("the suspension policy (economy.md §5.3)", () => {
  it("answers from the table, lets exempt paths through, and refuses a path it does not know", () => {
    expect(suspensionRule("contract.get")).toEqual({ allowed: true });
    expect(suspensionRule("message.send")).toEqual({ allowed: false, what: "send messages" });
    expect(suspensionRule("admin.people.suspend")).toEqual({ allowed: true });
    expect(suspensionRule("profile.freelancer")).toEqual({ allowed: true });
    expect(suspensionRule("report.create")).toEqual({ allowed: false, what: "report" });
    expect(suspensionRule("something.new")).toEqual({ allowed: false, what: "do this" });
  });

  it("exempts only admin and public areas", () => {
    expect(suspensionExempt("admin.ledger.reconcile")).toBe(true);
    expect(suspensionExempt("auth.signUp")).toBe(true);
    expect(suspensionExempt("mailbox.get")).toBe(true);
    expect(suspensionExempt("dashboard.admin")).toBe(true);
    expect(suspensionExempt("dashboard.client")).toBe(false);
    expect(suspensionExempt("profile.freelancerX")).toBe(false);
    for (const path of Object.keys(SUSPENSION_POLICY)) expect(suspensionExempt(path), path).toBe(false);
  });

  it("keeps what is theirs and refuses what starts something new", () => {
    const allowed = (path: keyof typeof SUSPENSION_POLICY) => SUSPENSION_POLICY[path].allowed;
    for (const path of ["payout.withdraw", "milestone.approve", "contract.end", "proposal.withdraw", "job.close", "me.changePassword"] as const) expect(allowed(path), path).toBe(true);
    for (const path of ["job.post", "proposal.submit", "message.send", "contract.hire", "contract.offer", "contract.accept", "milestone.fund", "milestone.submit", "connects.buy", "job.invite"] as const) {
      expect(allowed(path), path).toBe(false);
    }
  });

  it("says why, without a reason when none was recorded", () => {
    expect(suspendedSentence("Fake reviews", "send messages")).toBe("Your account is suspended (Fake reviews), so you cannot send messages.");
    expect(suspendedSentence(null, "hire")).toBe("Your account is suspended (contact support), so you cannot hire.");
  });
});
