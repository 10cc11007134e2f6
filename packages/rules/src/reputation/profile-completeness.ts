import type { Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";
import { SKILLS_RULE, TEXT_RULES, readSkills, textProblem } from "../text/limits";
import { BID_WARNING } from "../trust/warnings";

/** A freelancer's availability for new work (economy.md §10.1). */
export const AVAILABILITY = ["FULL_TIME", "PART_TIME", "NOT_AVAILABLE"] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const AVAILABILITY_LABELS: Readonly<Record<Availability, string>> = Object.freeze({
  FULL_TIME: "Available full time (30 hours a week or more)",
  PART_TIME: "Available part time (under 30 hours a week)",
  NOT_AVAILABLE: "Not available for new work",
});

/** The lists and numbers of a freelancer profile (economy.md §10.1), each with the sentence that refuses going past it. */
export const PROFILE_LIMITS = {
  /** The same skills as a job's (`SKILLS_RULE`): at most 15, each at most 40 characters. */
  maxSkills: SKILLS_RULE.max,
  maxPortfolioItems: 12,
  maxEmployment: 10,
  maxEducation: 10,
  maxLanguages: 10,
  languageMax: 40,
  /**
   * The hourly rate a profile shows: at least $5.00, the floor under which a bid is already
   * suspicious (`BID_WARNING.floorMinor`, economy.md §12.1), and at most $1,000.00, above any rate
   * a freelancer marketplace sees in earnest (a typo with an extra zero or two).
   */
  hourlyRateMinMinor: BID_WARNING.floorMinor,
  hourlyRateMaxMinor: 100_000n,
  tooManyPortfolio: "A profile shows at most 12 portfolio items; remove one before adding another.",
  tooManyEmployment: "List at most 10 jobs in your employment history.",
  tooManyEducation: "List at most 10 schools in your education.",
  tooManyLanguages: "List at most 10 languages.",
  languageEmpty: "A language cannot be empty.",
  languageTooLong: "Keep each language under 40 characters.",
  languageTwice: "List each language once.",
} as const;

/** Skills typed on a profile ("react, css"): like a job's, except that none at all is allowed (the profile is then less complete). */
export function readProfileSkills(text: string): { ok: true; value: string[] } | { ok: false; error: string } {
  return text.trim() === "" ? { ok: true, value: [] } : readSkills(text);
}

/** Why a list of languages is refused, or undefined. */
export function languagesProblem(languages: readonly string[]): string | undefined {
  if (languages.length > PROFILE_LIMITS.maxLanguages) return PROFILE_LIMITS.tooManyLanguages;
  const names = languages.map((language) => language.trim());
  if (names.some((name) => name === "")) return PROFILE_LIMITS.languageEmpty;
  if (names.some((name) => name.length > PROFILE_LIMITS.languageMax)) return PROFILE_LIMITS.languageTooLong;
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) return PROFILE_LIMITS.languageTwice;
  return undefined;
}

/** Why a profile's hourly rate is refused ($5.00 to $1,000.00), or undefined. */
export function hourlyRateProblem(rateMinor: Minor): string | undefined {
  if (rateMinor < PROFILE_LIMITS.hourlyRateMinMinor) return `Your hourly rate must be at least ${formatMoney(PROFILE_LIMITS.hourlyRateMinMinor)}.`;
  if (rateMinor > PROFILE_LIMITS.hourlyRateMaxMinor) return `Your hourly rate can be at most ${formatMoney(PROFILE_LIMITS.hourlyRateMaxMinor)}.`;
  return undefined;
}

/** Why one more entry of a list cannot be added to a profile that has `count`, or undefined. */
export function profileEntryLimitProblem(list: "portfolio" | "employment" | "education", count: number): string | undefined {
  const [max, sentence] =
    list === "portfolio"
      ? [PROFILE_LIMITS.maxPortfolioItems, PROFILE_LIMITS.tooManyPortfolio]
      : list === "employment"
        ? [PROFILE_LIMITS.maxEmployment, PROFILE_LIMITS.tooManyEmployment]
        : [PROFILE_LIMITS.maxEducation, PROFILE_LIMITS.tooManyEducation];
  return count >= max ? sentence : undefined;
}

/** What the completeness of a freelancer profile is computed from. */
export interface FreelancerProfileFacts {
  hasAvatar: boolean;
  title: string | null;
  overview: string | null;
  skills: readonly string[];
  hourlyRateMinor: Minor | null;
  /** Shown on the profile; not weighed (it is a status, not something to fill in). */
  availability: Availability | null;
  location: string | null;
  languages: readonly string[];
  portfolioCount: number;
  employmentCount: number;
  educationCount: number;
}

export type ProfileItem = "photo" | "title" | "overview" | "skills" | "hourlyRate" | "portfolio" | "experience" | "languages" | "location";

/** An overview counts from 100 characters, skills from 3 (economy.md §10.1). */
export const PROFILE_COMPLETE_FROM = { overviewCharacters: 100, skills: 3 } as const;

/** The weight of each item of a complete profile, in points that add up to 100 (economy.md §10.1). */
export const PROFILE_COMPLETENESS_WEIGHTS: readonly { item: ProfileItem; label: string; points: number }[] = Object.freeze([
  { item: "photo", label: "Profile photo", points: 10 },
  { item: "title", label: "Title", points: 10 },
  { item: "overview", label: "Overview of 100 characters or more", points: 20 },
  { item: "skills", label: "3 skills or more", points: 15 },
  { item: "hourlyRate", label: "Hourly rate", points: 10 },
  { item: "portfolio", label: "A portfolio item", points: 15 },
  { item: "experience", label: "Employment or education", points: 10 },
  { item: "languages", label: "Languages", points: 5 },
  { item: "location", label: "Location", points: 5 },
]);

export interface ProfileCompleteness {
  /** The points of the items done: a whole percent from 0 to 100. */
  percent: number;
  /** What is left to do, in the order of the weights, each with its sentence and points. */
  missing: { item: ProfileItem; sentence: string; points: number }[];
}

const filled = (text: string | null) => text !== null && text.trim() !== "";

/** What a profile still lacks, or undefined when the item is done. */
function missingSentence(item: ProfileItem, profile: FreelancerProfileFacts): string | undefined {
  switch (item) {
    case "photo":
      return profile.hasAvatar ? undefined : "Add a profile photo.";
    case "title":
      return filled(profile.title) && textProblem(profile.title!, TEXT_RULES.profileTitle) === undefined ? undefined : "Add a title that says what you do.";
    case "overview": {
      const length = (profile.overview ?? "").trim().length;
      if (length >= PROFILE_COMPLETE_FROM.overviewCharacters) return undefined;
      return length === 0 ? "Write an overview of at least 100 characters." : `Write at least 100 characters in your overview; it has ${length}.`;
    }
    case "skills": {
      const count = new Set(profile.skills.map((skill) => skill.trim().toLowerCase()).filter(Boolean)).size;
      if (count >= PROFILE_COMPLETE_FROM.skills) return undefined;
      return count === 0 ? "List at least 3 skills." : `List at least 3 skills; you have ${count}.`;
    }
    case "hourlyRate":
      return profile.hourlyRateMinor !== null ? undefined : "Set your hourly rate.";
    case "portfolio":
      return profile.portfolioCount > 0 ? undefined : "Add at least one portfolio item.";
    case "experience":
      return profile.employmentCount > 0 || profile.educationCount > 0 ? undefined : "Add a job you held or a school you attended.";
    case "languages":
      return profile.languages.some((language) => language.trim() !== "") ? undefined : "List the languages you speak.";
    case "location":
      return filled(profile.location) ? undefined : "Say where you are based.";
  }
}

/** How complete a freelancer profile is (economy.md §10.1): the weights of the items done, and what is missing. */
export function profileCompleteness(profile: FreelancerProfileFacts): ProfileCompleteness {
  const missing = PROFILE_COMPLETENESS_WEIGHTS.flatMap(({ item, points }) => {
    const sentence = missingSentence(item, profile);
    return sentence === undefined ? [] : [{ item, sentence, points }];
  });
  return { percent: 100 - missing.reduce((sum, { points }) => sum + points, 0), missing };
}
