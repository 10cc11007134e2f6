import { describe, expect, it } from "vitest";
import { EMPTY_TALENT_FILTERS, definedFilters, parseTalentFilters, starsText, type TalentFilterValues } from "./talent-filter-values";

const parse = (values: Partial<TalentFilterValues>) => parseTalentFilters({ ...EMPTY_TALENT_FILTERS, ...values });

describe("parseTalentFilters", () => {
  it("reads blank filters as no filter", () => {
    expect(parse({})).toEqual({ ok: true, value: expect.objectContaining({ sort: "relevance" }) });
    const parsed = parse({});
    expect(parsed.ok && definedFilters(parsed.value)).toEqual({ sort: "relevance" });
  });

  it("reads every filter as talent.search takes it", () => {
    expect(parse({ q: "  react accessibility ", rateMin: "40", rateMax: "$90.50", minScore: "85", skills: "React, WCAG ,", availability: "PART_TIME", earnings: "yes", sort: "score" })).toEqual({
      ok: true,
      value: { q: "react accessibility", rateMinMinor: 4_000n, rateMaxMinor: 9_050n, minJobSuccess: 85, skills: ["React", "WCAG"], availability: "PART_TIME", hasEarnings: true, sort: "score" },
    });
    expect(parse({ earnings: "no" })).toMatchObject({ ok: true, value: { hasEarnings: false } });
    expect(parse({ minScore: "0" })).toMatchObject({ ok: true, value: { minJobSuccess: 0 } });
  });

  it("says every problem at once, each beside its field", () => {
    const parsed = parse({ q: "x".repeat(201), rateMin: "abc", rateMax: "-5", minScore: "101", skills: Array.from({ length: 16 }, (_, i) => `s${i}`).join(",") });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.problems).sort()).toEqual(["minScore", "q", "rateMax", "rateMin", "skills"]);
    expect(parsed.problems.minScore).toBe("Enter the lowest score as a whole number from 0 to 100.");
    expect(parsed.problems.skills).toBe("List at most 15 skills.");
    expect(parsed.problems.q).toBe("Keep the search under 200 characters.");
  });

  it("refuses a highest rate below the lowest, and a score that is not whole", () => {
    expect(parse({ rateMin: "90", rateMax: "40" })).toEqual({ ok: false, problems: { rateMax: "The highest rate cannot be below the lowest." } });
    expect(parse({ minScore: "85.5" })).toMatchObject({ ok: false, problems: { minScore: expect.any(String) } });
    expect(parse({ skills: "x".repeat(41) })).toEqual({ ok: false, problems: { skills: "Keep each skill under 40 characters." } });
  });
});

describe("starsText", () => {
  it("says the stars in words, with how many reviews", () => {
    expect(starsText({ display: "4.7", fromText: "from 12 reviews" })).toBe("4.7 out of 5 from 12 reviews");
    expect(starsText({ display: null, fromText: "No reviews yet" })).toBe("No reviews yet");
  });
});
