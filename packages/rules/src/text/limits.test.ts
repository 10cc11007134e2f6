import { describe, expect, it } from "vitest";
import { CARD_EXPIRY, LINKS_RULE, TEXT_RULES, WHOLE_RULES, emailProblem, isWebLink, linksProblem, readCardExpiry, readSkills, readWhole, reasonText, textProblem } from "./limits";

describe("text rules: what the forms and the services refuse, in the same words", () => {
  it("trims, then checks the length", () => {
    expect(textProblem("  abc  ", TEXT_RULES.jobTitle)).toBe("Give the job a title of at least 5 characters.");
    expect(textProblem("  abcde  ", TEXT_RULES.jobTitle)).toBeUndefined();
    expect(textProblem("x".repeat(5_000), TEXT_RULES.coverLetter)).toBeUndefined();
    expect(textProblem("x".repeat(5_001), TEXT_RULES.coverLetter)).toBe("Keep the cover letter under 5,000 characters.");
    expect(textProblem("x".repeat(10_000), TEXT_RULES.coverLetter)).toBe("Keep the cover letter under 5,000 characters.");
  });

  it("takes a password as typed, spaces included", () => {
    expect(textProblem("          ", TEXT_RULES.newPassword)).toBeUndefined();
    expect(textProblem("short", TEXT_RULES.newPassword)).toBe("Use at least 10 characters for your password.");
  });

  it("lets an optional text be empty", () => {
    expect(textProblem("", TEXT_RULES.workNote)).toBeUndefined();
    expect(textProblem("x".repeat(5_001), TEXT_RULES.workNote)).toBe("Keep it to at most 5,000 characters.");
  });

  it("reads whole numbers within their bounds", () => {
    expect(readWhole(" 30 ", WHOLE_RULES.durationDays)).toEqual({ ok: true, value: 30 });
    expect(readWhole("", WHOLE_RULES.durationDays)).toEqual({ ok: false, error: "Give the duration in whole days." });
    expect(readWhole("1.5", WHOLE_RULES.durationDays)).toEqual({ ok: false, error: "Give the duration in whole days." });
    expect(readWhole("0", WHOLE_RULES.durationDays)).toEqual({ ok: false, error: "A job lasts at least 1 day." });
    expect(readWhole("3651", WHOLE_RULES.durationDays)).toEqual({ ok: false, error: "A job lasts at most 10 years." });
    expect(readWhole("-1", WHOLE_RULES.boostConnects)).toEqual({ ok: false, error: "A boost cannot be negative." });
  });

  it("reads skills separated by commas", () => {
    expect(readSkills(" react, , css ")).toEqual({ ok: true, value: ["react", "css"] });
    expect(readSkills(" , ")).toEqual({ ok: false, error: "List at least one skill." });
    expect(readSkills(Array.from({ length: 16 }, (_, i) => `s${i}`).join(","))).toEqual({ ok: false, error: "List at most 15 skills." });
    expect(readSkills("x".repeat(41))).toEqual({ ok: false, error: "Keep each skill under 40 characters." });
  });

  it("takes only web links, at most five", () => {
    expect(isWebLink("https://example.com/a")).toBe(true);
    expect(isWebLink("javascript:alert(1)")).toBe(false);
    expect(isWebLink("example.com")).toBe(false);
    expect(linksProblem(["https://a.example", "http://b.example"])).toBeUndefined();
    expect(linksProblem(Array.from({ length: 6 }, () => "https://a.example"))).toBe(LINKS_RULE.tooMany);
    expect(linksProblem(["ftp://a.example"])).toBe(LINKS_RULE.notWeb);
  });

  it("asks for an email, then for a valid one", () => {
    expect(emailProblem(" ")).toBe("Enter your email address.");
    expect(emailProblem("ada@")).toBe("Enter a valid email address.");
    expect(emailProblem("ada@example.com")).toBeUndefined();
  });

  it("reads a card's expiry as MM/YY or MM/YYYY", () => {
    expect(readCardExpiry(" 12 / 30 ")).toEqual({ ok: true, value: { expMonth: 12, expYear: 2030 } });
    expect(readCardExpiry("1/2031")).toEqual({ ok: true, value: { expMonth: 1, expYear: 2031 } });
    expect(readCardExpiry("1230")).toEqual({ ok: false, error: CARD_EXPIRY.format });
    expect(readCardExpiry("13/30")).toEqual({ ok: false, error: CARD_EXPIRY.month });
    expect(readCardExpiry("00/30")).toEqual({ ok: false, error: CARD_EXPIRY.month });
    expect(readCardExpiry("12/1999")).toEqual({ ok: false, error: CARD_EXPIRY.year });
    expect(readCardExpiry("12/2101")).toEqual({ ok: false, error: CARD_EXPIRY.year });
  });

  it("words an admin's reason by its noun and its bounds", () => {
    const reason = reasonText("Say why.", { min: 5, max: 1_000 });
    expect(textProblem("why", reason)).toBe("Say why.");
    expect(textProblem("x".repeat(1_001), reason)).toBe("Keep the reason under 1,000 characters.");
    expect(textProblem("x".repeat(501), reasonText("Note it.", { min: 3, max: 500, noun: "note" }))).toBe("Keep the note under 500 characters.");
  });

  it("asks for a public feedback comment of at least 10 characters, at most 2,000", () => {
    expect(textProblem("  ok  ", TEXT_RULES.feedbackComment)).toBe("Write a public comment of at least 10 characters about how the contract went.");
    expect(textProblem("Great work", TEXT_RULES.feedbackComment)).toBeUndefined();
    expect(textProblem("x".repeat(2_000), TEXT_RULES.feedbackComment)).toBeUndefined();
    expect(textProblem("x".repeat(2_001), TEXT_RULES.feedbackComment)).toBe("Keep the comment under 2,000 characters.");
    expect(textProblem("", TEXT_RULES.feedbackPrivateNote)).toBeUndefined();
    expect(textProblem("x".repeat(1_001), TEXT_RULES.feedbackPrivateNote)).toBe("Keep it to at most 1,000 characters.");
    expect(textProblem(" ", TEXT_RULES.feedbackReply)).toBe("Write your reply; everyone who reads the feedback sees it.");
    expect(textProblem("x".repeat(1_001), TEXT_RULES.feedbackReply)).toBe("Keep it to at most 1,000 characters.");
    expect(textProblem("rude", TEXT_RULES.feedbackHideReason)).toBe("Say why the feedback is hidden (at least 5 characters); both people see it.");
    expect(textProblem("Insults the client", TEXT_RULES.feedbackHideReason)).toBeUndefined();
  });

  it("limits what a profile says", () => {
    expect(textProblem("Dev", TEXT_RULES.profileTitle)).toBe('Give your profile a title of at least 5 characters, like "Senior React developer".');
    expect(textProblem("x".repeat(101), TEXT_RULES.profileTitle)).toBe("Keep the title under 100 characters.");
    expect(textProblem("", TEXT_RULES.profileOverview)).toBeUndefined();
    expect(textProblem("x".repeat(5_001), TEXT_RULES.profileOverview)).toBe("Keep it to at most 5,000 characters.");
    expect(textProblem(" ", TEXT_RULES.portfolioTitle)).toBe("Give the portfolio item a title.");
    expect(textProblem(" ", TEXT_RULES.employmentCompany)).toBe("Enter the company's name.");
    expect(textProblem(" ", TEXT_RULES.employmentRole)).toBe("Enter your role there.");
    expect(textProblem("x".repeat(151), TEXT_RULES.educationSchool)).toBe("Keep it to at most 150 characters.");
    for (const rule of [TEXT_RULES.portfolioDescription, TEXT_RULES.educationDegree, TEXT_RULES.declineInvitationReason, TEXT_RULES.clientCompany, TEXT_RULES.clientDescription, TEXT_RULES.location]) {
      expect(textProblem("", rule)).toBeUndefined();
      expect(textProblem("x".repeat(rule.max + 1), rule)).toBe(`Keep it to at most ${rule.max.toLocaleString("en-US")} characters.`);
    }
  });

  it("refuses a link that is too long and an email that is too long", () => {
    expect(linksProblem([`https://a.example/${"x".repeat(500)}`])).toBe(LINKS_RULE.tooLong);
    expect(emailProblem(`${"a".repeat(250)}@example.com`)).toBe("Enter a valid email address.");
  });
});
