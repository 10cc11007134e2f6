import { describe, expect, it } from "vitest";
import { parseReportForm } from "./report-form-values";

describe("parseReportForm", () => {
  it("reads a reason from the list and a trimmed note", () => {
    expect(parseReportForm({ reason: "scam", note: "  Asks for a deposit  " })).toEqual({ ok: true, value: { reason: "scam", note: "Asks for a deposit" } });
    expect(parseReportForm({ reason: "spam", note: "" })).toEqual({ ok: true, value: { reason: "spam", note: "" } });
  });

  it("names every problem beside its field, in the server's words", () => {
    expect(parseReportForm({ reason: "", note: "x".repeat(1_001) })).toEqual({
      ok: false,
      problems: { reason: "Choose a reason from the list.", note: "Keep it to at most 1,000 characters." },
    });
    expect(parseReportForm({ reason: "other", note: "   " })).toEqual({ ok: false, problems: { note: "Say what is wrong: you chose “Something else”." } });
  });
});
