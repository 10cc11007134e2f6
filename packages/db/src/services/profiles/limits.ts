import { PROFILE_DATES, educationYearsProblem, employmentDatesProblem, profileEntryLimitProblem } from "@fairlance/rules";
import { z } from "zod";
import { DomainError } from "../../errors";

/** Refuses one more entry of `list` when the profile already has the rules' most (economy.md §10.1). */
export function assertRoomFor(list: "portfolio" | "employment" | "education", count: number): void {
  const problem = profileEntryLimitProblem(list, count);
  if (problem) throw new DomainError("CONFLICT", problem);
}

/** A month as typed (YYYY-MM); what it may be is checked with the clock by `assertEntryDates`. */
export const Month = (which: "start" | "end") => z.string(PROFILE_DATES.monthFormat(which)).trim();

/** A year as typed; what it may be is checked with the clock by `assertEntryDates`. */
export const Year = (which: "start" | "end") => z.int(PROFILE_DATES.yearFormat(which));

/** A refusal of one field of a nested input ("employment.toMonth"), as parseInput words one. */
const fieldProblem = (path: string, message: string) => new DomainError("INVALID_REQUEST", message, { issues: [{ path, message }] });

/** The rules' check of an employment's months at `now`: format, 1950 on, not after this month, end not before start. */
export function assertEmploymentDates(entry: { fromMonth: string; toMonth: string | null }, now: Date): void {
  const problem = employmentDatesProblem(entry, now);
  if (problem) throw fieldProblem(`employment.${problem.field}`, problem.problem);
}

/** The rules' check of a school's years at `now`. */
export function assertEducationYears(entry: { fromYear: number; toYear: number | null }, now: Date): void {
  const problem = educationYearsProblem(entry, now);
  if (problem) throw fieldProblem(`education.${problem.field}`, problem.problem);
}
