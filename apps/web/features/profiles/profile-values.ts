import {
  LINKS_RULE,
  PROFILE_DATES,
  PROFILE_LIMITS,
  TEXT_RULES,
  EMPLOYMENT_DESCRIPTION,
  employmentDatesProblem,
  educationYearsProblem,
  hourlyRateProblem,
  isWebLink,
  readProfileSkills,
  timeZoneProblem,
  type Availability,
  type LanguageLevel,
} from "@fairlance/rules";
import { readMoney } from "@/lib/money";
import { problemsOf, readText, type Parsed, type Read } from "@/features/shared/form";

/**
 * The profile forms' parse functions (CONTRIBUTING.md, "A form"): the text the inputs hold → the
 * procedures' inputs, or a sentence per wrong field, in the rules' own words (economy.md §10.1).
 * Plain functions, tested without a browser (profile-values.test.ts).
 */

// ─── The freelancer's profile ────────────────────────────────────────────────────────────────

export interface LanguageRow {
  language: string;
  level: LanguageLevel;
}

export interface FreelancerProfileValues {
  title: string;
  overview: string;
  /** Comma-separated, as typed ("React, TypeScript"). */
  skills: string;
  /** Dollars an hour as typed ("65" or "65.00"); blank for none. */
  hourlyRate: string;
  availability: Availability;
  location: string;
  /** An IANA name, or "" for none. */
  timeZone: string;
  languages: LanguageRow[];
}

export interface FreelancerProfileInput {
  title: string;
  overview: string;
  skills: string[];
  hourlyRateMinor: bigint | null;
  availability: Availability;
  location: string;
  timeZone: string;
  languages: LanguageRow[];
}

/** The stored profile as the form's text. */
export function freelancerProfileValues(profile: {
  title: string;
  overview: string;
  skills: string[];
  hourlyRateMinor: bigint | null;
  availability: Availability;
  location: string;
  timeZoneName: string;
  languages: { language: string; level: string }[];
}): FreelancerProfileValues {
  return {
    title: profile.title,
    overview: profile.overview,
    skills: profile.skills.join(", "),
    hourlyRate: profile.hourlyRateMinor === null ? "" : dollars(profile.hourlyRateMinor),
    availability: profile.availability,
    location: profile.location,
    timeZone: profile.timeZoneName,
    languages: profile.languages.map(({ language, level }) => ({ language, level: level as LanguageLevel })),
  };
}

/** 6500n → "65.00" (what the rate field holds: no dollar sign, no thousands separator). */
export const dollars = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;

/** An hourly rate as typed: blank for none, else $5.00 to $1,000.00. */
export function readHourlyRate(text: string): Read<bigint | null> {
  if (!text.trim()) return { ok: true, value: null };
  const money = readMoney(text);
  if (!money.ok) return { ok: false, error: money.error };
  const problem = hourlyRateProblem(money.minor);
  return problem ? { ok: false, error: problem } : { ok: true, value: money.minor };
}

export function parseFreelancerProfile(values: FreelancerProfileValues): Parsed<FreelancerProfileValues, FreelancerProfileInput> {
  const check = problemsOf<FreelancerProfileValues>();
  const title = check.take("title", readText(values.title, TEXT_RULES.profileTitle));
  const overview = check.take("overview", readText(values.overview, TEXT_RULES.profileOverview));
  const skills = check.take("skills", readProfileSkills(values.skills));
  const hourlyRateMinor = check.take("hourlyRate", readHourlyRate(values.hourlyRate));
  const location = check.take("location", readText(values.location, TEXT_RULES.location));
  const zoneProblem = timeZoneProblem(values.timeZone);
  if (zoneProblem) check.add("timeZone", zoneProblem);
  const languages = values.languages.map((row) => ({ language: row.language.trim(), level: row.level }));
  if (languages.length > PROFILE_LIMITS.maxLanguages) check.add("languages", PROFILE_LIMITS.tooManyLanguages);
  languages.forEach((row, index) => {
    const name = `languages.${index}.language` as const;
    if (row.language === "") check.add(name, PROFILE_LIMITS.languageEmpty);
    else if (row.language.length > PROFILE_LIMITS.languageMax) check.add(name, PROFILE_LIMITS.languageTooLong);
    else if (languages.findIndex((other) => other.language.toLowerCase() === row.language.toLowerCase()) < index) check.add(name, PROFILE_LIMITS.languageTwice);
  });
  return check.done(() => ({
    title: title!,
    overview: overview!,
    skills: skills!,
    hourlyRateMinor: hourlyRateMinor ?? null,
    availability: values.availability,
    location: location!,
    timeZone: values.timeZone.trim(),
    languages,
  }));
}

// ─── A portfolio item ────────────────────────────────────────────────────────────────────────

export interface PortfolioValues {
  title: string;
  description: string;
  /** An http(s) address, or blank. */
  link: string;
}

export interface PortfolioInput {
  title: string;
  description: string;
  link: string | null;
}

export const EMPTY_PORTFOLIO: PortfolioValues = { title: "", description: "", link: "" };

export function readLink(text: string): Read<string | null> {
  const link = text.trim();
  if (!link) return { ok: true, value: null };
  if (link.length > LINKS_RULE.eachMax) return { ok: false, error: LINKS_RULE.tooLong };
  return isWebLink(link) ? { ok: true, value: link } : { ok: false, error: LINKS_RULE.notWeb };
}

export function parsePortfolio(values: PortfolioValues): Parsed<PortfolioValues, PortfolioInput> {
  const check = problemsOf<PortfolioValues>();
  const title = check.take("title", readText(values.title, TEXT_RULES.portfolioTitle));
  const description = check.take("description", readText(values.description, TEXT_RULES.portfolioDescription));
  const link = check.take("link", readLink(values.link));
  return check.done(() => ({ title: title!, description: description!, link: link ?? null }));
}

// ─── Employment and education (their dates checked at the server's `today`) ────────────────

export interface EmploymentValues {
  company: string;
  role: string;
  /** YYYY-MM. */
  fromMonth: string;
  /** YYYY-MM, or blank while the job is held. */
  toMonth: string;
  description: string;
}

export interface EmploymentInput {
  company: string;
  role: string;
  fromMonth: string;
  toMonth: string | null;
  description: string;
}

export const EMPTY_EMPLOYMENT: EmploymentValues = { company: "", role: "", fromMonth: "", toMonth: "", description: "" };

export const parseEmployment =
  (today: Date) =>
  (values: EmploymentValues): Parsed<EmploymentValues, EmploymentInput> => {
    const check = problemsOf<EmploymentValues>();
    const company = check.take("company", readText(values.company, TEXT_RULES.employmentCompany));
    const role = check.take("role", readText(values.role, TEXT_RULES.employmentRole));
    const description = check.take("description", readText(values.description, EMPLOYMENT_DESCRIPTION));
    const dates = { fromMonth: values.fromMonth.trim(), toMonth: values.toMonth.trim() || null };
    const problem = employmentDatesProblem(dates, today);
    if (problem) check.add(problem.field, problem.problem);
    return check.done(() => ({ company: company!, role: role!, description: description!, ...dates }));
  };

export interface EducationValues {
  school: string;
  degree: string;
  fromYear: string;
  /** Blank while studying with no expected year. */
  toYear: string;
}

export interface EducationInput {
  school: string;
  degree: string;
  fromYear: number;
  toYear: number | null;
}

export const EMPTY_EDUCATION: EducationValues = { school: "", degree: "", fromYear: "", toYear: "" };

/** Four digits → the year; anything else → NaN, which the rules refuse with their sentence. */
const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export const parseEducation =
  (today: Date) =>
  (values: EducationValues): Parsed<EducationValues, EducationInput> => {
    const check = problemsOf<EducationValues>();
    const school = check.take("school", readText(values.school, TEXT_RULES.educationSchool));
    const degree = check.take("degree", readText(values.degree, TEXT_RULES.educationDegree));
    const years = { fromYear: yearOf(values.fromYear), toYear: values.toYear.trim() ? yearOf(values.toYear) : null };
    const problem = educationYearsProblem(years, today);
    if (problem) check.add(problem.field, problem.problem);
    return check.done(() => ({ school: school!, degree: degree!, ...years }));
  };

/** The hint under the month fields. */
export const MONTH_HINT = "YYYY-MM, like 2021-03";
export const YEAR_HINT = `Four digits, from ${PROFILE_DATES.earliestYear}`;

// ─── The client's profile ────────────────────────────────────────────────────────────────────

export interface ClientProfileValues {
  companyName: string;
  description: string;
  location: string;
}

export function parseClientProfile(values: ClientProfileValues): Parsed<ClientProfileValues, ClientProfileValues> {
  const check = problemsOf<ClientProfileValues>();
  const companyName = check.take("companyName", readText(values.companyName, TEXT_RULES.clientCompany));
  const description = check.take("description", readText(values.description, TEXT_RULES.clientDescription));
  const location = check.take("location", readText(values.location, TEXT_RULES.location));
  return check.done(() => ({ companyName: companyName!, description: description!, location: location! }));
}

// ─── Completeness: which field each missing item jumps to ───────────────────────────────────

/** The id of the field or section that fills each item of the completeness meter. */
export const COMPLETENESS_TARGET: Readonly<Record<string, string>> = {
  photo: "profile-photo",
  title: "profile-title",
  overview: "profile-overview",
  skills: "profile-skills",
  hourlyRate: "profile-rate",
  portfolio: "portfolio",
  experience: "employment",
  languages: "languages",
  location: "profile-location",
};

/** The time zones of the select: the runtime's list, with UTC and the stored one (an older name) if missing, sorted. */
export function timeZoneOptions(supported: readonly string[], stored: string): string[] {
  const zones = new Set(supported);
  zones.add("UTC");
  if (stored) zones.add(stored);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
