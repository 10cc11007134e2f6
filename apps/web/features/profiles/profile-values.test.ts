import { describe, expect, it } from "vitest";
import { PROFILE_DATES, PROFILE_LIMITS } from "@fairlance/rules";
import {
  dollars,
  freelancerProfileValues,
  parseClientProfile,
  parseEducation,
  parseEmployment,
  parseFreelancerProfile,
  parsePortfolio,
  timeZoneOptions,
  type FreelancerProfileValues,
} from "./profile-values";

const TODAY = new Date("2026-11-26T10:00:00Z");

const filled: FreelancerProfileValues = {
  title: "Front-end developer",
  overview: "I build sites.",
  skills: "React, TypeScript",
  hourlyRate: "65",
  availability: "FULL_TIME",
  location: "Lagos",
  timeZone: "Africa/Lagos",
  languages: [{ language: " English ", level: "NATIVE" }],
};

describe("the freelancer's profile form", () => {
  it("reads the typed text into the procedure's input", () => {
    expect(parseFreelancerProfile(filled)).toEqual({
      ok: true,
      value: {
        title: "Front-end developer",
        overview: "I build sites.",
        skills: ["React", "TypeScript"],
        hourlyRateMinor: 6_500n,
        availability: "FULL_TIME",
        location: "Lagos",
        timeZone: "Africa/Lagos",
        languages: [{ language: "English", level: "NATIVE" }],
      },
    });
  });

  it("takes a blank rate, no skills and no time zone", () => {
    const parsed = parseFreelancerProfile({ ...filled, hourlyRate: " ", skills: "", timeZone: "" });
    expect(parsed).toMatchObject({ ok: true, value: { hourlyRateMinor: null, skills: [], timeZone: "" } });
  });

  it("shows every problem at once, each on its field (a language on its row)", () => {
    const parsed = parseFreelancerProfile({
      ...filled,
      title: "Dev",
      hourlyRate: "2",
      timeZone: "Mars/Olympus",
      languages: [
        { language: "English", level: "NATIVE" },
        { language: "english", level: "FLUENT" },
        { language: "", level: "BASIC" },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.title).toMatch(/at least 5 characters/);
    expect(parsed.problems.hourlyRate).toBe("Your hourly rate must be at least $5.00.");
    expect(parsed.problems.timeZone).toMatch(/Choose your time zone/);
    expect(parsed.problems["languages.1.language"]).toBe(PROFILE_LIMITS.languageTwice);
    expect(parsed.problems["languages.2.language"]).toBe(PROFILE_LIMITS.languageEmpty);
    expect(parsed.problems["languages.0.language"]).toBeUndefined();
  });

  it("turns the stored profile into the form's text, the rate in dollars", () => {
    expect(dollars(6_500n)).toBe("65.00");
    expect(dollars(505n)).toBe("5.05");
    const values = freelancerProfileValues({ ...parsedInput(), timeZoneName: "Africa/Lagos" });
    expect(values).toMatchObject({ skills: "React, TypeScript", hourlyRate: "65.00", timeZone: "Africa/Lagos" });
    expect(parseFreelancerProfile(values).ok).toBe(true);
  });
});

const parsedInput = () => {
  const parsed = parseFreelancerProfile(filled);
  if (!parsed.ok) throw new Error("the filled form should parse");
  return parsed.value;
};

describe("the entries' forms", () => {
  it("a portfolio item: a title, a web link or none", () => {
    expect(parsePortfolio({ title: "Shop", description: "", link: "" })).toEqual({ ok: true, value: { title: "Shop", description: "", link: null } });
    const parsed = parsePortfolio({ title: "", description: "", link: "ftp://x" });
    expect(parsed).toMatchObject({ ok: false, problems: { title: "Give the portfolio item a title." } });
    expect(parsed.ok || parsed.problems.link).toBeTruthy();
  });

  it("employment: months at the server's today, a current job without an end", () => {
    const parse = parseEmployment(TODAY);
    expect(parse({ company: "Acme", role: "Dev", fromMonth: "2021-03", toMonth: "", description: "" })).toEqual({
      ok: true,
      value: { company: "Acme", role: "Dev", fromMonth: "2021-03", toMonth: null, description: "" },
    });
    expect(parse({ company: "Acme", role: "Dev", fromMonth: "2021-3", toMonth: "", description: "" })).toMatchObject({ ok: false, problems: { fromMonth: PROFILE_DATES.monthFormat("start") } });
    expect(parse({ company: "Acme", role: "Dev", fromMonth: "2021-03", toMonth: "2026-12", description: "" })).toMatchObject({ ok: false, problems: { toMonth: PROFILE_DATES.monthInFuture("end") } });
    expect(parse({ company: "Acme", role: "Dev", fromMonth: "2021-03", toMonth: "2020-01", description: "" })).toMatchObject({ ok: false, problems: { toMonth: PROFILE_DATES.endBeforeStart } });
  });

  it("education: four-digit years, an end up to 10 years ahead", () => {
    const parse = parseEducation(TODAY);
    expect(parse({ school: "Lund", degree: "", fromYear: "2008", toYear: "2013" })).toEqual({ ok: true, value: { school: "Lund", degree: "", fromYear: 2008, toYear: 2013 } });
    expect(parse({ school: "Lund", degree: "", fromYear: "08", toYear: "" })).toMatchObject({ ok: false, problems: { fromYear: PROFILE_DATES.yearFormat("start") } });
    expect(parse({ school: "Lund", degree: "", fromYear: "2024", toYear: "2040" })).toMatchObject({ ok: false, problems: { toYear: PROFILE_DATES.yearTooLate(2036) } });
  });

  it("the client's profile: every field optional, within its limit", () => {
    expect(parseClientProfile({ companyName: "", description: "", location: "" }).ok).toBe(true);
    expect(parseClientProfile({ companyName: "x".repeat(101), description: "", location: "" })).toMatchObject({ ok: false, problems: { companyName: expect.any(String) } });
  });
});

describe("the time zone select", () => {
  it("lists UTC and a stored older name, sorted", () => {
    expect(timeZoneOptions(["Europe/Lisbon", "Africa/Lagos"], "Asia/Calcutta")).toEqual(["Africa/Lagos", "Asia/Calcutta", "Europe/Lisbon", "UTC"]);
  });
});
