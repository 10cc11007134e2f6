import { RuleViolation } from "./errors";

/**
 * UTC calendar helpers. Every date in the rules is a JS `Date` read in UTC; durations are whole
 * days of exactly 24 h (UTC has no daylight saving), so `addDays` is plain millisecond arithmetic.
 */
export const DAY_MS = 86_400_000;

export const WEEKDAY = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
} as const;

export type Weekday = (typeof WEEKDAY)[keyof typeof WEEKDAY];

export function assertValidDate(date: Date, name = "date"): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RuleViolation("INVALID_DATE", `The ${name} is not a valid date.`, { name });
  }
}

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RuleViolation("INVALID_DATE", `The ${name} must be a whole number.`, { name, value });
  }
}

export function addDays(date: Date, days: number): Date {
  assertValidDate(date);
  assertWholeNumber(days, "number of days");
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfUtcDay(date: Date): Date {
  assertValidDate(date);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday 00:00 UTC of the week containing `date` (weeks run Monday to Sunday, economy.md §3.4). */
export function startOfUtcWeek(date: Date): Date {
  const day = startOfUtcDay(date);
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  return addDays(day, -daysSinceMonday);
}

export function daysInUtcMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months keeping the time of day; a day that does not exist in the target month is
 * clamped to its last day (Jan 31 + 1 month = Feb 28, or 29 in a leap year).
 */
export function addUtcMonths(date: Date, months: number): Date {
  assertValidDate(date);
  assertWholeNumber(months, "number of months");
  const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const monthIndex = totalMonths - year * 12;
  const day = Math.min(date.getUTCDate(), daysInUtcMonth(year, monthIndex));
  const timeOfDay = date.getTime() - startOfUtcDay(date).getTime();
  return new Date(Date.UTC(year, monthIndex, day) + timeOfDay);
}

/** Whole days from `from` to `to`, a started day counting as a whole one. */
export function startedDaysBetween(from: Date, to: Date): number {
  assertValidDate(from, "start date");
  assertValidDate(to, "end date");
  return Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
}

/** The `n`-th (1-based) given weekday of a UTC month, at 00:00 UTC. */
export function nthWeekdayOfUtcMonth(year: number, monthIndex: number, weekday: Weekday, n: number): Date {
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** The last given weekday of a UTC month, at 00:00 UTC. */
export function lastWeekdayOfUtcMonth(year: number, monthIndex: number, weekday: Weekday): Date {
  const last = new Date(Date.UTC(year, monthIndex, daysInUtcMonth(year, monthIndex)));
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return addDays(last, -offset);
}

export function minDate(first: Date, ...rest: Date[]): Date {
  return rest.reduce((earliest, date) => (date.getTime() < earliest.getTime() ? date : earliest), first);
}
