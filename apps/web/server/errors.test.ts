import { DomainError } from "@fairlance/db";
import { describe, expect, it } from "vitest";
import { issueFieldErrors } from "./errors";

describe("a service's field issues as the forms' fieldErrors", () => {
  it("keys each issue by its path, so the scam shield's refusal of a comment lands on the comment and each facet's stars on its own", () => {
    const error = new DomainError("INVALID_REQUEST", "…", {
      issues: [
        { path: "comment", message: "Feedback is public, so a comment cannot include a phone number. Remove it and try again." },
        { path: "facets.payment", message: "Rate prompt payment with 1 to 5 whole stars." },
        { path: ["education", 0, "toYear"], message: "The end cannot be before the start." },
      ],
    });
    expect(issueFieldErrors(error)).toEqual({
      comment: ["Feedback is public, so a comment cannot include a phone number. Remove it and try again."],
      "facets.payment": ["Rate prompt payment with 1 to 5 whole stars."],
      "education.0.toYear": ["The end cannot be before the start."],
    });
  });

  it("gives nothing for a refusal without issues, and never a key that is no field", () => {
    expect(issueFieldErrors(new DomainError("CONFLICT", "Already left."))).toBeNull();
    expect(issueFieldErrors(new DomainError("INVALID_REQUEST", "…", { issues: [{ path: "__proto__", message: "x" }, { path: "a.constructor", message: "y" }, { message: "no path" }] }))).toBeNull();
  });
});
