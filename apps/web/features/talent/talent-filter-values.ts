import { AVAILABILITY, readSkills, type Availability } from "@fairlance/rules";
import { problemsOf, readOptionalAmount, type Parsed, type Read } from "@/features/shared/form";

// Talent search's filters (economy.md §10.9). No "use client": the page prefetches the first
// search with FIRST_TALENT_SEARCH, and the browser's first query must be the very same.

/** What talent.search takes, without the page. */
export interface TalentFilters {
  q?: string;
  rateMinMinor?: bigint;
  rateMaxMinor?: bigint;
  minJobSuccess?: number;
  skills?: string[];
  availability?: Availability;
  hasEarnings?: boolean;
  sort: "relevance" | "score";
}

/** The first search of /talent, with no filter: prefetched by the page, read by the component. */
export const FIRST_TALENT_FILTERS: TalentFilters = { sort: "relevance" };

/** The text the filter inputs hold. */
export interface TalentFilterValues {
  q: string;
  rateMin: string;
  rateMax: string;
  minScore: string;
  skills: string;
  availability: "" | Availability;
  earnings: "" | "yes" | "no";
  sort: TalentFilters["sort"];
}

export const EMPTY_TALENT_FILTERS: TalentFilterValues = { q: "", rateMin: "", rateMax: "", minScore: "", skills: "", availability: "", earnings: "", sort: "relevance" };

/** The search's longest text (the server's own bound, search-freelancers.ts). */
export const TALENT_QUERY_MAX = 200;

function readMinScore(text: string): Read<number | undefined> {
  const typed = text.trim();
  if (!typed) return { ok: true, value: undefined };
  if (!/^\d{1,3}$/.test(typed) || Number(typed) > 100) return { ok: false, error: "Enter the lowest score as a whole number from 0 to 100." };
  return { ok: true, value: Number(typed) };
}

function readOptionalSkills(text: string): Read<string[] | undefined> {
  if (!text.split(",").some((skill) => skill.trim())) return { ok: true, value: undefined };
  return readSkills(text);
}

/** The typed filters as talent.search takes them; every wrong field is said at once, beside it. */
export function parseTalentFilters(values: TalentFilterValues): Parsed<TalentFilterValues, TalentFilters> {
  const check = problemsOf<TalentFilterValues>();
  const q = values.q.trim();
  if (q.length > TALENT_QUERY_MAX) check.add("q", `Keep the search under ${TALENT_QUERY_MAX} characters.`);
  const rateMin = check.take("rateMin", readOptionalAmount(values.rateMin, "lowest hourly rate"));
  const rateMax = check.take("rateMax", readOptionalAmount(values.rateMax, "highest hourly rate"));
  if (rateMin !== undefined && rateMax !== undefined && rateMax < rateMin) check.add("rateMax", "The highest rate cannot be below the lowest.");
  const minJobSuccess = check.take("minScore", readMinScore(values.minScore));
  const skills = check.take("skills", readOptionalSkills(values.skills));
  const availability = (AVAILABILITY as readonly string[]).includes(values.availability) ? (values.availability as Availability) : undefined;
  return check.done(() => ({
    q: q || undefined,
    rateMinMinor: rateMin,
    rateMaxMinor: rateMax,
    minJobSuccess,
    skills,
    availability,
    hasEarnings: values.earnings === "yes" ? true : values.earnings === "no" ? false : undefined,
    sort: values.sort === "score" ? "score" : "relevance",
  }));
}

/** Filters without the ones left blank, so equal searches share one query key. */
export function definedFilters(filters: TalentFilters): TalentFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as unknown as TalentFilters;
}

/** "4.8 out of 5 from 12 reviews" or "No reviews yet": stars said in words, for a card. */
export function starsText(rating: { display: string | null; fromText: string }): string {
  return rating.display ? `${rating.display} out of 5 ${rating.fromText}` : rating.fromText;
}
