import { describe, expect, it } from "vitest";
import { parseInvite } from "./invite-values";

describe("parseInvite", () => {
  it("takes a job and the message, trimmed", () => {
    expect(parseInvite({ jobId: "j1", message: "  Would you apply? " })).toEqual({ ok: true, value: { jobId: "j1", message: "Would you apply?" } });
  });

  it("says both problems at once: no job chosen, and no message or one too long", () => {
    expect(parseInvite({ jobId: "", message: " " })).toEqual({ ok: false, problems: { jobId: "Choose one of your open jobs.", message: "Write a short invitation." } });
    expect(parseInvite({ jobId: "j1", message: "x".repeat(2_001) })).toEqual({ ok: false, problems: { message: "Keep the invitation under 2,000 characters." } });
  });
});
