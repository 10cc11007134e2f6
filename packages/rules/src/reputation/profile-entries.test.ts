import { describe, expect, it } from "vitest";
import {
  LANGUAGE_LEVELS,
  LANGUAGE_LEVEL_LABELS,
  PROFILE_DATES,
  TIME_ZONE_UNKNOWN,
  educationYearsProblem,
  employmentDatesProblem,
  monthOf,
  monthProblem,
  timeZoneProblem,
  yearProblem,
} from "./profile-entries";

const NOW = new Date("2026-12-03T11:00:00Z");

describe("language levels", () => {
  it("has a label for each level, least to most", () => {
    expect(LANGUAGE_LEVELS.map((level) => LANGUAGE_LEVEL_LABELS[level])).toEqual(["Basic", "Conversational", "Fluent", "Native or bilingual"]);
  });
});

describe("months of employment", () => {
  it("reads YYYY-MM from 1950 to the current month", () => {
    expect(monthOf(NOW)).toBe("2026-12");
    expect(monthProblem("1950-01", "start", NOW)).toBeUndefined();
    expect(monthProblem("2026-12", "end", NOW)).toBeUndefined();
    expect(monthProblem("2027-01", "end", NOW)).toBe("The end month cannot be after this month.");
    expect(monthProblem("1949-12", "start", NOW)).toBe(PROFILE_DATES.tooEarly);
  });

  it("refuses anything but a month, naming which", () => {
    for (const bad of ["2021-13", "2021-00", "2021-3", "21-03", "2021/03", "", "2021-03-01"]) {
      expect(monthProblem(bad, "start", NOW), bad).toBe("Give the start month as YYYY-MM, for example 2021-03.");
    }
  });

  it("checks the start, then the end, then their order; a current job has no end", () => {
    expect(employmentDatesProblem({ fromMonth: "2020-05", toMonth: null }, NOW)).toBeUndefined();
    expect(employmentDatesProblem({ fromMonth: "2020-05", toMonth: "2020-05" }, NOW)).toBeUndefined();
    expect(employmentDatesProblem({ fromMonth: "2020-05", toMonth: "2020-04" }, NOW)).toEqual({ field: "toMonth", problem: PROFILE_DATES.endBeforeStart });
    expect(employmentDatesProblem({ fromMonth: "2030-01", toMonth: "2020-04" }, NOW)).toEqual({ field: "fromMonth", problem: "The start month cannot be after this month." });
    expect(employmentDatesProblem({ fromMonth: "2020-01", toMonth: "x" }, NOW)).toEqual({ field: "toMonth", problem: PROFILE_DATES.monthFormat("end") });
  });
});

describe("years of education", () => {
  it("starts from 1950 until this year; ends up to 10 years ahead", () => {
    expect(yearProblem(2026, "start", NOW)).toBeUndefined();
    expect(yearProblem(2027, "start", NOW)).toBe("The year can be at most 2026.");
    expect(yearProblem(2036, "end", NOW)).toBeUndefined();
    expect(yearProblem(2037, "end", NOW)).toBe("The year can be at most 2036.");
    expect(yearProblem(1949, "start", NOW)).toBe(PROFILE_DATES.tooEarly);
    for (const bad of [20.5, 999, 10_000, -2020, Number.NaN]) expect(yearProblem(bad, "end", NOW), String(bad)).toBe("Give the end year as four digits, for example 2018.");
  });

  it("checks the start, then the end, then their order", () => {
    expect(educationYearsProblem({ fromYear: 2014, toYear: 2018 }, NOW)).toBeUndefined();
    expect(educationYearsProblem({ fromYear: 2024, toYear: null }, NOW)).toBeUndefined();
    expect(educationYearsProblem({ fromYear: 2018, toYear: 2014 }, NOW)).toEqual({ field: "toYear", problem: PROFILE_DATES.endBeforeStart });
    expect(educationYearsProblem({ fromYear: 1900, toYear: 2014 }, NOW)).toEqual({ field: "fromYear", problem: PROFILE_DATES.tooEarly });
    expect(educationYearsProblem({ fromYear: 2014, toYear: 2099 }, NOW)).toEqual({ field: "toYear", problem: "The year can be at most 2036." });
  });
});

describe("time zones", () => {
  it("takes an IANA name the runtime knows, UTC, or nothing", () => {
    for (const zone of ["Europe/Lisbon", "America/New_York", "Asia/Kolkata", "Asia/Calcutta", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "UTC", ""]) expect(timeZoneProblem(zone), zone).toBeUndefined();
    for (const zone of ["Mars/Olympus", "europe/lisbon", "GMT+1", " Europe/Lisbon", "Europe/Atlantis", "Europe/Lisbon/"]) expect(timeZoneProblem(zone), zone).toBe(TIME_ZONE_UNKNOWN);
  });
});
