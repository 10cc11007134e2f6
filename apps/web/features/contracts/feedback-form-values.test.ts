import { describe, expect, it } from "vitest";
import { serverProblems } from "@/features/shared/form";
import { FEEDBACK_SERVER_FIELDS, feedbackFormValues, parseFeedbackForm, starsText } from "./feedback-form-values";

describe("the feedback form: every problem beside its field, in the rules' words", () => {
  it("names the overall stars, each facet of the author's side and the comment on an empty form", () => {
    expect(parseFeedbackForm("CLIENT")(feedbackFormValues("CLIENT"))).toEqual({
      ok: false,
      problems: {
        overall: "Give 1 to 5 whole stars overall.",
        "facets.skills": "Rate skills with 1 to 5 whole stars.",
        "facets.quality": "Rate quality of work with 1 to 5 whole stars.",
        "facets.communication": "Rate communication with 1 to 5 whole stars.",
        "facets.deadlines": "Rate meeting deadlines with 1 to 5 whole stars.",
        "facets.cooperation": "Rate cooperation with 1 to 5 whole stars.",
        comment: "Write a public comment of at least 10 characters about how the contract went.",
      },
    });
  });

  it("reads a freelancer's three facets, a trimmed comment and no private note when it is blank", () => {
    const values = { overall: "4", facets: { clarity: "5", payment: "3", communication: "4" }, comment: "  Clear brief, paid on time.  ", privateNote: "  " };
    expect(parseFeedbackForm("FREELANCER")(values)).toEqual({ ok: true, value: { overall: 4, facets: { clarity: 5, payment: 3, communication: 4 }, comment: "Clear brief, paid on time." } });
    expect(parseFeedbackForm("FREELANCER")({ ...values, privateNote: "Slow to answer at times." })).toMatchObject({ ok: true, value: { privateNote: "Slow to answer at times." } });
  });

  it("refuses a comment and a private note over their limits", () => {
    const values = { overall: "5", facets: { clarity: "5", payment: "5", communication: "5" }, comment: "x".repeat(2_001), privateNote: "y".repeat(1_001) };
    expect(parseFeedbackForm("FREELANCER")(values)).toEqual({ ok: false, problems: { comment: "Keep the comment under 2,000 characters.", privateNote: expect.stringContaining("1,000") } });
  });

  it("starts from the author's feedback when it is changed", () => {
    const mine = { overall: 3, facets: [{ facet: "clarity", stars: 2 }, { facet: "payment", stars: 5 }, { facet: "communication", stars: 4 }], comment: "Fine overall.", privateNote: null };
    expect(feedbackFormValues("FREELANCER", mine)).toEqual({ overall: "3", facets: { clarity: "2", payment: "5", communication: "4" }, comment: "Fine overall.", privateNote: "" });
  });

  it("puts the scam shield's refusal and a facet's problem from the server beside their fields", () => {
    const error = { message: "Feedback is public…", data: { fieldErrors: { comment: ["Feedback is public, so a comment cannot include a phone number. Remove it and try again."], "facets.payment": ["Rate prompt payment with 1 to 5 whole stars."] } } };
    expect(serverProblems(error, FEEDBACK_SERVER_FIELDS)).toEqual({
      fields: [
        ["comment", "Feedback is public, so a comment cannot include a phone number. Remove it and try again."],
        ["facets.payment", "Rate prompt payment with 1 to 5 whole stars."],
      ],
      alert: null,
    });
  });

  it("says stars as text", () => {
    expect(starsText(4)).toBe("4 out of 5");
    expect(starsText("4.8")).toBe("4.8 out of 5");
  });
});
