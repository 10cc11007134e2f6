import { TEXT_RULES } from "@fairlance/rules";
import { describe, expect, it } from "vitest";
import { EMPTY_JOB_FORM, parseJobForm } from "@/features/jobs/job-form-values";
import { parseProposal } from "@/features/proposals/proposal-values";
import { parseWithdrawal } from "@/features/payouts/withdraw-values";
import { problemsOf, readAmount, readText, resolverOf, serverProblems } from "./form";

const options = { fields: {}, shouldUseNativeValidation: false };

describe("resolverOf: a form's parse function as react-hook-form's resolver", () => {
  const parse = (values: { title: string; rows: { amount: string }[] }) => {
    const check = problemsOf<typeof values>();
    const title = check.take("title", readText(values.title, TEXT_RULES.offerTitle));
    const amounts = values.rows.map((row, i) => check.take(`rows.${i}.amount`, readAmount(row.amount, "milestone amount")));
    return check.done(() => ({ title: title!, amounts: amounts as bigint[] }));
  };

  it("gives the parsed value and no errors when every field is right", async () => {
    expect(await resolverOf(parse)({ title: "  Site  ", rows: [{ amount: "$1,250.50" }] }, undefined, options)).toEqual({ values: { title: "Site", amounts: [125_050n] }, errors: {} });
  });

  it("gives every problem at once, nested by the field's path", async () => {
    const result = await resolverOf(parse)({ title: " ", rows: [{ amount: "12" }, { amount: "abc" }, { amount: "0" }] }, undefined, options);
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      title: { type: "rules", message: "Give the contract a title." },
      rows: [undefined, { amount: { type: "rules", message: '"abc" is not an amount of dollars, like 12.34.' } }, { amount: { type: "rules", message: "The milestone amount must be more than $0.00." } }],
    });
  });
});

describe("the job form: every required field's problem at once, in the service's words", () => {
  it("names each missing field on an empty form", () => {
    expect(parseJobForm(EMPTY_JOB_FORM)).toEqual({
      ok: false,
      problems: {
        title: "Give the job a title of at least 5 characters.",
        description: "Describe the job in at least 20 characters.",
        budget: "Enter the budget.",
        durationDays: "Give the duration in whole days.",
        skills: "List at least one skill.",
      },
    });
  });

  it("reads a complete hourly job, and refuses a range upside down", () => {
    const hourly = { ...EMPTY_JOB_FORM, title: "A landing page", description: "Build a landing page with a signup form.", type: "HOURLY" as const, hourlyMin: "40", hourlyMax: "60", hours: "20", durationDays: "14", skills: "react, css" };
    expect(parseJobForm(hourly)).toMatchObject({ ok: true, value: { type: "HOURLY", budgetMinor: null, hourlyMinMinor: 4_000n, hourlyMaxMinor: 6_000n, estimatedHours: 20, durationDays: 14, skills: ["react", "css"] } });
    expect(parseJobForm({ ...hourly, hourlyMax: "30" })).toEqual({ ok: false, problems: { hourlyMax: "The maximum hourly rate cannot be below the minimum." } });
  });
});

describe("the proposal form", () => {
  it("refuses a cover letter over the service's limit before review", () => {
    expect(parseProposal({ coverLetter: "x".repeat(10_000), bid: "300", boost: "0" })).toEqual({ ok: false, problems: { coverLetter: "Keep the cover letter under 5,000 characters." } });
  });

  it("reads a blank boost as none", () => {
    expect(parseProposal({ coverLetter: "I have built many of these pages before.", bid: "300", boost: " " })).toEqual({ ok: true, value: { coverLetter: "I have built many of these pages before.", bidMinor: 30_000n, boostConnects: 0 } });
  });
});

describe("the withdraw form: the rules' amount checks with the page's balance and the method's fee", () => {
  const overview = { availableMinor: 5_000n, withdrawalMinimumMinor: 100n, minimumNetMinor: 100n, methods: [{ id: "m1", usable: true, feeMinor: 200n }] } as unknown as Parameters<typeof parseWithdrawal>[1];
  it("quotes the net, or says why not beside the amount", () => {
    expect(parseWithdrawal({ methodId: "m1", amount: "10" }, overview)).toEqual({ ok: true, value: { amountMinor: 1_000n, feeMinor: 200n, netMinor: 800n, payoutMethodId: "m1" } });
    expect(parseWithdrawal({ methodId: "m1", amount: "60" }, overview)).toEqual({ ok: false, problems: { amount: "You have $50.00 available to withdraw." } });
    expect(parseWithdrawal({ methodId: "m1", amount: "2.01" }, overview)).toMatchObject({ ok: false, problems: { amount: expect.stringContaining("Withdraw $3.00 or more to this method.") } });
  });
});

describe("serverProblems: a refusal's field problems beside their fields, the rest in the form's alert", () => {
  const refusal = (message: string, data: { fieldErrors?: Record<string, string[]> | null; domainCode?: string | null }) => Object.assign(new Error(message), { data });
  const map = { fields: { bidMinor: "bid" as const }, codes: { WEAK_PASSWORD: "coverLetter" as const } };

  it("maps a field of the request onto the form's field, and leaves no alert", () => {
    expect(serverProblems<{ bid: string; coverLetter: string }>(refusal("Your bid is too large.", { fieldErrors: { bidMinor: ["Your bid is too large."] } }), map)).toEqual({ fields: [["bid", "Your bid is too large."]], alert: null });
  });

  it("puts a coded refusal beside its field", () => {
    expect(serverProblems<{ bid: string; coverLetter: string }>(refusal("Too common.", { domainCode: "WEAK_PASSWORD" }), map)).toEqual({ fields: [["coverLetter", "Too common."]], alert: null });
  });

  it("shows what belongs to no field in the alert", () => {
    expect(serverProblems(refusal("You need 6 connects; you have 2.", { domainCode: "INSUFFICIENT_CONNECTS" }), map)).toEqual({ fields: [], alert: "You need 6 connects; you have 2." });
    expect(serverProblems(refusal("Bad", { fieldErrors: { card: ["Enter the whole card number."] } }), map)).toEqual({ fields: [], alert: "Enter the whole card number." });
    expect(serverProblems(null, map)).toEqual({ fields: [], alert: null });
  });
});
