import { optionalText } from "../text/limits";

/**
 * What a freelancer profile's dated entries, languages and time zone may hold (economy.md §10.1):
 * the services' input schemas and the browser forms refuse with the same sentences.
 */

/** How well a freelancer speaks a language, from least to most. */
export const LANGUAGE_LEVELS = ["BASIC", "CONVERSATIONAL", "FLUENT", "NATIVE"] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const LANGUAGE_LEVEL_LABELS: Readonly<Record<LanguageLevel, string>> = Object.freeze({
  BASIC: "Basic",
  CONVERSATIONAL: "Conversational",
  FLUENT: "Fluent",
  NATIVE: "Native or bilingual",
});

/** What a freelancer writes about a job they held (optional). */
export const EMPLOYMENT_DESCRIPTION = optionalText(2_000);

/**
 * The dates of employment (months, YYYY-MM) and education (years): none before 1950, no job
 * started or ended after the current month, and a school's end at most 10 years ahead (a degree
 * still under way shows its expected year). An end is never before its start.
 */
export const PROFILE_DATES = {
  earliestYear: 1950,
  educationYearsAhead: 10,
  monthFormat: (which: "start" | "end") => `Give the ${which} month as YYYY-MM, for example 2021-03.`,
  yearFormat: (which: "start" | "end") => `Give the ${which} year as four digits, for example 2018.`,
  tooEarly: "Dates on a profile start from 1950.",
  monthInFuture: (which: "start" | "end") => `The ${which} month cannot be after this month.`,
  yearTooLate: (latest: number) => `The year can be at most ${latest}.`,
  endBeforeStart: "The end cannot be before the start.",
} as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** The current month at `now`, in UTC, as YYYY-MM. */
export const monthOf = (now: Date) => now.toISOString().slice(0, 7);

/** Why a month (YYYY-MM) cannot be an employment's start or end at `now`, or undefined. */
export function monthProblem(month: string, which: "start" | "end", now: Date): string | undefined {
  const match = MONTH.exec(month);
  if (!match) return PROFILE_DATES.monthFormat(which);
  if (Number(match[1]) < PROFILE_DATES.earliestYear) return PROFILE_DATES.tooEarly;
  if (month > monthOf(now)) return PROFILE_DATES.monthInFuture(which);
  return undefined;
}

/** Why a year cannot be a school's start or end at `now`, or undefined. */
export function yearProblem(year: number, which: "start" | "end", now: Date): string | undefined {
  if (!Number.isInteger(year) || !YEAR.test(String(year))) return PROFILE_DATES.yearFormat(which);
  if (year < PROFILE_DATES.earliestYear) return PROFILE_DATES.tooEarly;
  const latest = now.getUTCFullYear() + (which === "end" ? PROFILE_DATES.educationYearsAhead : 0);
  if (year > latest) return PROFILE_DATES.yearTooLate(latest);
  return undefined;
}

/** A problem of a dated entry, with the field it belongs to. */
export interface DateProblem<Field extends string> {
  field: Field;
  problem: string;
}

/** Why an employment's months are refused (each, then their order), or undefined; `toMonth` null while current. */
export function employmentDatesProblem(dates: { fromMonth: string; toMonth: string | null }, now: Date): DateProblem<"fromMonth" | "toMonth"> | undefined {
  const from = monthProblem(dates.fromMonth, "start", now);
  if (from) return { field: "fromMonth", problem: from };
  if (dates.toMonth === null) return undefined;
  const to = monthProblem(dates.toMonth, "end", now);
  if (to) return { field: "toMonth", problem: to };
  return dates.toMonth < dates.fromMonth ? { field: "toMonth", problem: PROFILE_DATES.endBeforeStart } : undefined;
}

/** Why a school's years are refused, or undefined; `toYear` null while studying with no expected year. */
export function educationYearsProblem(years: { fromYear: number; toYear: number | null }, now: Date): DateProblem<"fromYear" | "toYear"> | undefined {
  const from = yearProblem(years.fromYear, "start", now);
  if (from) return { field: "fromYear", problem: from };
  if (years.toYear === null) return undefined;
  const to = yearProblem(years.toYear, "end", now);
  if (to) return { field: "toYear", problem: to };
  return years.toYear < years.fromYear ? { field: "toYear", problem: PROFILE_DATES.endBeforeStart } : undefined;
}

export const TIME_ZONE_UNKNOWN = "Choose your time zone from the list, like Europe/Lisbon.";

/** How an IANA name is written: "UTC", or capitalised parts joined by "/" ("America/Argentina/Buenos_Aires", "Etc/GMT+1"). */
const ZONE_NAME = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Z][A-Za-z0-9_+-]*)+)$/;

/**
 * Why a time zone name is refused, or undefined; "" (not given) is allowed. The runtime's time
 * zone data (Intl) decides whether the zone exists; it also knows the older names of renamed zones
 * ("Asia/Calcutta" for "Asia/Kolkata"), which stay valid.
 */
export function timeZoneProblem(name: string): string | undefined {
  if (name === "") return undefined;
  if (!ZONE_NAME.test(name)) return TIME_ZONE_UNKNOWN;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return undefined;
  } catch {
    return TIME_ZONE_UNKNOWN;
  }
}
