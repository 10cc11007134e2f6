import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AVAILABILITY,
  AVAILABILITY_LABELS,
  PROFILE_COMPLETENESS_WEIGHTS,
  PROFILE_LIMITS,
  hourlyRateProblem,
  languagesProblem,
  profileCompleteness,
  profileEntryLimitProblem,
  readProfileSkills,
  type FreelancerProfileFacts,
} from "./profile-completeness";

const complete: FreelancerProfileFacts = {
  hasAvatar: true,
  title: "Senior React developer",
  overview: "I build fast, accessible web apps with React and TypeScript, and I have shipped checkout flows for three marketplaces.",
  skills: ["react", "typescript", "css"],
  hourlyRateMinor: 6_500n,
  availability: "PART_TIME",
  location: "Lisbon, Portugal",
  languages: ["English", "Portuguese"],
  portfolioCount: 2,
  employmentCount: 1,
  educationCount: 0,
};
const empty: FreelancerProfileFacts = {
  hasAvatar: false,
  title: null,
  overview: null,
  skills: [],
  hourlyRateMinor: null,
  availability: null,
  location: null,
  languages: [],
  portfolioCount: 0,
  employmentCount: 0,
  educationCount: 0,
};

describe("profileCompleteness (economy.md §10.1)", () => {
  it("weighs nine items, adding up to 100", () => {
    expect(PROFILE_COMPLETENESS_WEIGHTS.reduce((sum, { points }) => sum + points, 0)).toBe(100);
    expect(PROFILE_COMPLETENESS_WEIGHTS.map(({ item, points }) => [item, points])).toEqual([
      ["photo", 10],
      ["title", 10],
      ["overview", 20],
      ["skills", 15],
      ["hourlyRate", 10],
      ["portfolio", 15],
      ["experience", 10],
      ["languages", 5],
      ["location", 5],
    ]);
  });

  it("is 100% with everything filled in, whatever the availability", () => {
    expect(profileCompleteness(complete)).toEqual({ percent: 100, missing: [] });
    expect(profileCompleteness({ ...complete, availability: null, employmentCount: 0, educationCount: 1 }).percent).toBe(100);
  });

  it("is 0% for a new profile, and says what to do, in order", () => {
    expect(profileCompleteness(empty)).toEqual({
      percent: 0,
      missing: [
        { item: "photo", sentence: "Add a profile photo.", points: 10 },
        { item: "title", sentence: "Add a title that says what you do.", points: 10 },
        { item: "overview", sentence: "Write an overview of at least 100 characters.", points: 20 },
        { item: "skills", sentence: "List at least 3 skills.", points: 15 },
        { item: "hourlyRate", sentence: "Set your hourly rate.", points: 10 },
        { item: "portfolio", sentence: "Add at least one portfolio item.", points: 15 },
        { item: "experience", sentence: "Add a job you held or a school you attended.", points: 10 },
        { item: "languages", sentence: "List the languages you speak.", points: 5 },
        { item: "location", sentence: "Say where you are based.", points: 5 },
      ],
    });
  });

  it("counts an overview from 100 characters and skills from 3 different ones", () => {
    const short = profileCompleteness({ ...complete, overview: `  ${"x".repeat(99)}  ` });
    expect(short).toEqual({ percent: 80, missing: [{ item: "overview", sentence: "Write at least 100 characters in your overview; it has 99.", points: 20 }] });
    expect(profileCompleteness({ ...complete, overview: "x".repeat(100) }).percent).toBe(100);
    expect(profileCompleteness({ ...complete, skills: ["react", "React ", " "] }).missing).toEqual([{ item: "skills", sentence: "List at least 3 skills; you have 1.", points: 15 }]);
  });

  it("does not count blank text or a title too short to be one", () => {
    const blank = profileCompleteness({ ...complete, title: "Dev", location: "  ", languages: [" "] });
    expect(blank.percent).toBe(80);
    expect(blank.missing.map(({ item }) => item)).toEqual(["title", "languages", "location"]);
    expect(profileCompleteness({ ...complete, title: "   " }).percent).toBe(90);
  });

  it("never falls when an item is filled in (property)", () => {
    const items = fc.record({ hasAvatar: fc.boolean(), title: fc.boolean(), overview: fc.boolean(), skills: fc.boolean(), rate: fc.boolean(), portfolio: fc.boolean(), experience: fc.boolean(), languages: fc.boolean(), location: fc.boolean() });
    const build = (on: Record<string, boolean>): FreelancerProfileFacts => ({
      hasAvatar: on.hasAvatar!,
      title: on.title ? complete.title : null,
      overview: on.overview ? complete.overview : "short",
      skills: on.skills ? complete.skills : ["react"],
      hourlyRateMinor: on.rate ? 5_000n : null,
      availability: "FULL_TIME",
      location: on.location ? "Oslo" : null,
      languages: on.languages ? ["Norwegian"] : [],
      portfolioCount: on.portfolio ? 1 : 0,
      employmentCount: on.experience ? 1 : 0,
      educationCount: 0,
    });
    fc.assert(
      fc.property(items, fc.constantFrom("hasAvatar", "title", "overview", "skills", "rate", "portfolio", "experience", "languages", "location"), (on, key) => {
        const before = profileCompleteness(build(on));
        const after = profileCompleteness(build({ ...on, [key]: true }));
        expect(after.percent).toBeGreaterThanOrEqual(before.percent);
        expect(before.percent).toBe(100 - before.missing.reduce((sum, { points }) => sum + points, 0));
        expect(Number.isInteger(before.percent) && before.percent >= 0 && before.percent <= 100).toBe(true);
      }),
    );
  });
});

describe("PROFILE_LIMITS", () => {
  it("takes a job's skill rule, allowing none", () => {
    expect(PROFILE_LIMITS.maxSkills).toBe(15);
    expect(readProfileSkills("  ")).toEqual({ ok: true, value: [] });
    expect(readProfileSkills("react, css")).toEqual({ ok: true, value: ["react", "css"] });
    expect(readProfileSkills(Array.from({ length: 16 }, (_, i) => `s${i}`).join(","))).toEqual({ ok: false, error: "List at most 15 skills." });
  });

  it("refuses a 13th portfolio item and an 11th job or school", () => {
    expect(profileEntryLimitProblem("portfolio", 11)).toBeUndefined();
    expect(profileEntryLimitProblem("portfolio", 12)).toBe(PROFILE_LIMITS.tooManyPortfolio);
    expect(profileEntryLimitProblem("employment", 9)).toBeUndefined();
    expect(profileEntryLimitProblem("employment", 10)).toBe("List at most 10 jobs in your employment history.");
    expect(profileEntryLimitProblem("education", 10)).toBe("List at most 10 schools in your education.");
  });

  it("takes up to 10 languages, each once and named", () => {
    expect(languagesProblem(["English", "French"])).toBeUndefined();
    expect(languagesProblem(Array.from({ length: 11 }, (_, i) => `L${i}`))).toBe(PROFILE_LIMITS.tooManyLanguages);
    expect(languagesProblem(["English", " "])).toBe(PROFILE_LIMITS.languageEmpty);
    expect(languagesProblem(["x".repeat(41)])).toBe(PROFILE_LIMITS.languageTooLong);
    expect(languagesProblem(["English", " english"])).toBe(PROFILE_LIMITS.languageTwice);
  });

  it("takes an hourly rate from $5.00 to $1,000.00", () => {
    expect(hourlyRateProblem(499n)).toBe("Your hourly rate must be at least $5.00.");
    expect(hourlyRateProblem(500n)).toBeUndefined();
    expect(hourlyRateProblem(100_000n)).toBeUndefined();
    expect(hourlyRateProblem(100_001n)).toBe("Your hourly rate can be at most $1,000.00.");
  });

  it("names each availability", () => {
    expect(AVAILABILITY).toEqual(["FULL_TIME", "PART_TIME", "NOT_AVAILABLE"]);
    for (const availability of AVAILABILITY) expect(AVAILABILITY_LABELS[availability].length).toBeGreaterThan(0);
  });
});
