import { AVAILABILITY, AVAILABILITY_LABELS, MAX_AMOUNT_MINOR, SKILLS_RULE, formatMoney, type StarAverage } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Availability, type Db } from "../client";
import { parseInput } from "../services/input";
import { imageUrl } from "../services/profiles/shared";
import { ratingsOf } from "./reputation";

export const TALENT_SEARCH_SORTS = ["relevance", "score"] as const;
export const TALENT_SEARCH_PAGE_SIZE = 10;
/** The last page Find talent shows: past 10,000 freelancers, words or filters find one sooner than paging does. */
export const TALENT_SEARCH_MAX_PAGE = 1_000;

// Bounded like the profiles themselves, so no filter overflows its column (a 500 otherwise).
const SearchRate = z.bigint("Enter the hourly rate in cents.").nonnegative("Hourly rates are not negative.").max(MAX_AMOUNT_MINOR, "Search hourly rates up to $100,000,000.00.");

/**
 * What talent search filters by; every filter is optional. The same fields, with a job, are the
 * invite panel's search (`job.inviteCandidates`).
 */
export const TalentFilters = {
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  rateMinMinor: SearchRate.optional(),
  rateMaxMinor: SearchRate.optional(),
  /** The lowest Job Success Score wanted: freelancers without a score yet are left out by any minimum. */
  minJobSuccess: z.int("Enter the score as a whole number.").min(0, "Scores go from 0 to 100.").max(100, "Scores go from 0 to 100.").optional(),
  /** Freelancers listing every one of these skills (whatever the case). */
  skills: z
    .array(z.string().trim().min(1, SKILLS_RULE.empty).max(SKILLS_RULE.eachMax, SKILLS_RULE.tooLong), "Send the skills as a list.")
    .max(SKILLS_RULE.max, SKILLS_RULE.tooMany)
    .optional(),
  availability: z.enum(AVAILABILITY, "Choose full time, part time or not available.").optional(),
  /** Only freelancers who have been paid at least once through Fairlance. */
  hasEarnings: z.boolean("Say yes or no.").optional(),
  sort: z.enum(TALENT_SEARCH_SORTS, "Sort by relevance or by Job Success Score.").default("relevance"),
  page: z.int().positive().max(TALENT_SEARCH_MAX_PAGE, "Talent search shows up to page 1,000: narrow the search with words or filters.").default(1),
};
export const SearchFreelancersInput = z.strictObject(TalentFilters);
export type SearchFreelancersInput = z.input<typeof SearchFreelancersInput>;
type ParsedFilters = z.output<typeof SearchFreelancersInput>;

/** One freelancer on a results page: what a client decides from, with figures computed here. */
export interface TalentSearchHit {
  id: string;
  name: string;
  /** "" while the freelancer has not written one. */
  title: string;
  hourlyRateMinor: bigint | null;
  availability: Availability;
  /** 0–100, or null: not enough contracts yet (economy.md §10). */
  jobSuccessScore: number | null;
  location: string;
  skills: string[];
  /** `/files/<key>`, or null without a photo. */
  avatarUrl: string | null;
  /** Gross of every payment released to the freelancer (milestones, weeks, bonuses). */
  totalEarnedMinor: bigint;
  /** The average of the clients' revealed, not hidden stars (economy.md §10.5): "4.7", "from 12 reviews". */
  rating: StarAverage;
  memberSince: Date;
  /** The figures as the page writes them: "$90.00 an hour", "96% Job Success", "$1,250.00 earned", the availability's label. */
  display: { rate: string | null; jobSuccess: string; earned: string; availability: string };
}

export interface TalentSearchResult {
  freelancers: TalentSearchHit[];
  /** Matches, exact with words; browsing counts up to TALENT_COUNT_CAP (then `totalIsExact` is false). */
  total: number;
  totalIsExact: boolean;
  /** "12 freelancers", "1,000+ freelancers", "No freelancer matches." */
  summary: string;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The last page Find talent shows (TALENT_SEARCH_MAX_PAGE). */
  maxPage: number;
}

/** The URL a stored image is served at (apps/web/app/files/[...key]/route.ts). */

// The stored full-text document of title (A), skills (B) and overview (C): a generated column with a
// GIN index (migration reputation), so matching and ranking read it and nothing re-parses text.
const DOCUMENT = Prisma.sql`p."searchDocument"`;

const HIT_COLUMNS = Prisma.sql`p."userId" AS id, u."name", p."title", p."hourlyRateMinor", p."availability"::text AS availability,
  p."jobSuccessScore", p."location", p."skills", p."avatarKey", u."createdAt" AS "memberSince"`;

interface Row {
  id: string;
  name: string;
  title: string;
  hourlyRateMinor: bigint | null;
  availability: Availability;
  jobSuccessScore: number | null;
  location: string;
  skills: string[];
  avatarKey: string | null;
  memberSince: Date;
}

/**
 * The filters as SQL over "FreelancerProfile" p, and the query when words were typed. Suspended
 * freelancers are never listed: the few suspended people are one small hashed list (no join to
 * every user), and names come only for the page's rows.
 */
export function talentConditions(input: ParsedFilters, indexableSkills: ReadonlySet<string> = new Set()): { where: Prisma.Sql[]; query: Prisma.Sql | null } {
  const query = input.q ? Prisma.sql`websearch_to_tsquery('english', ${input.q})` : null;
  const where: Prisma.Sql[] = [Prisma.sql`p."userId" NOT IN (SELECT "id" FROM "User" WHERE "suspendedAt" IS NOT NULL)`];
  if (query) where.push(Prisma.sql`${DOCUMENT} @@ ${query}`);
  if (input.rateMinMinor !== undefined) where.push(Prisma.sql`p."hourlyRateMinor" >= ${input.rateMinMinor}`);
  if (input.rateMaxMinor !== undefined) where.push(Prisma.sql`p."hourlyRateMinor" <= ${input.rateMaxMinor}`);
  if (input.minJobSuccess !== undefined) where.push(Prisma.sql`p."jobSuccessScore" >= ${input.minJobSuccess}`);
  for (const skill of input.skills ?? []) {
    // Profiles keep skills as typed ("React"): matched whatever the case. The stored document holds
    // the skills too, so its GIN index finds the candidates first (when the skill has a word).
    if (indexableSkills.has(skill)) where.push(Prisma.sql`${DOCUMENT} @@ plainto_tsquery('english', ${skill})`);
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM unnest(p."skills") listed WHERE lower(listed) = lower(${skill}))`);
  }
  if (input.availability) where.push(Prisma.sql`p."availability" = ${input.availability}::"Availability"`);
  if (input.hasEarnings !== undefined) {
    const paid = Prisma.sql`EXISTS (SELECT 1 FROM "Payment" pay WHERE pay."freelancerId" = p."userId")`;
    where.push(input.hasEarnings ? paid : Prisma.sql`NOT ${paid}`);
  }
  return { where, query };
}

/**
 * Browsing without words counts up to this many matches and says "1,000+" beyond: an exact count
 * of most of 100,000 profiles would cost more than the page itself (see BENCHMARKS.md, talent search).
 */
export const TALENT_COUNT_CAP = 1_000;

/**
 * One page of freelancers matching the words (websearch syntax: "quoted phrases", -excluded) and
 * the filters, most relevant first (then by score) or by Job Success Score (scored first), the
 * freelancer's id breaking ties so pages never overlap.
 */
export async function searchTalent(db: Db, input: ParsedFilters): Promise<TalentSearchResult> {
  const { where, query } = talentConditions(input, await indexable(db, input.skills ?? []));
  const offset = (input.page - 1) * TALENT_SEARCH_PAGE_SIZE;
  const matching = Prisma.join(where, " AND ");
  let ids: string[];
  let total: number;
  let totalIsExact = true;
  if (query) {
    // Every match is read to rank it anyway: the window count comes with the page.
    const rank = input.sort === "relevance" ? Prisma.sql`ts_rank(${DOCUMENT}, ${query}) DESC, ` : Prisma.empty;
    const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
      SELECT p."userId" AS id, count(*) OVER () AS total FROM "FreelancerProfile" p
      WHERE ${matching}
      ORDER BY ${rank}p."jobSuccessScore" DESC NULLS LAST, p."userId"
      LIMIT ${TALENT_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
    ids = rows.map((row) => row.id);
    total = rows.length > 0 ? Number(rows[0]!.total) : offset > 0 ? await countMatches(db, matching, null) : 0;
  } else {
    // Scored freelancers first, highest first: the score's index walked backwards (its order puts
    // nulls first, so the scored and the unscored are read apart), each part only as deep as the page.
    const deep = offset + TALENT_SEARCH_PAGE_SIZE;
    const page = db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        (SELECT p."userId" AS id, p."jobSuccessScore" AS score, 0 AS part FROM "FreelancerProfile" p
         WHERE ${matching} AND p."jobSuccessScore" IS NOT NULL ORDER BY p."jobSuccessScore" DESC NULLS FIRST, p."userId" LIMIT ${deep})
        UNION ALL
        (SELECT p."userId", NULL, 1 FROM "FreelancerProfile" p
         WHERE ${matching} AND p."jobSuccessScore" IS NULL ORDER BY p."userId" LIMIT ${deep})
      ) found
      ORDER BY part, score DESC NULLS FIRST, id
      LIMIT ${TALENT_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
    const [rows, counted] = await Promise.all([page, countMatches(db, matching, TALENT_COUNT_CAP)]);
    ids = rows.map((row) => row.id);
    total = Math.min(counted, TALENT_COUNT_CAP);
    totalIsExact = counted <= TALENT_COUNT_CAP;
  }
  return {
    freelancers: await talentCards(db, ids),
    total,
    totalIsExact,
    summary: total === 0 ? "No freelancer matches." : `${total.toLocaleString("en-US")}${totalIsExact ? "" : "+"} ${total === 1 && totalIsExact ? "freelancer" : "freelancers"}`,
    page: input.page,
    pageSize: TALENT_SEARCH_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / TALENT_SEARCH_PAGE_SIZE)),
    maxPage: TALENT_SEARCH_MAX_PAGE,
  };
}

/** The cards of a page of rows: the earnings and the ratings of all of them in one query each. */
async function toHits(db: Db, rows: Row[]): Promise<TalentSearchHit[]> {
  const ids = rows.map((row) => row.id);
  const [earned, ratings] = await Promise.all([totalEarned(db, ids), ratingsOf(db, ids)]);
  return rows.map(({ avatarKey, ...row }) => {
    const totalEarnedMinor = earned.get(row.id) ?? 0n;
    return { ...row, avatarUrl: avatarKey ? imageUrl(avatarKey) : null, totalEarnedMinor, rating: ratings[row.id]!, display: displayFigures({ ...row, totalEarnedMinor }) };
  });
}

/** A card's figures in words, written once here so every page says them alike. */
export function displayFigures(hit: Pick<TalentSearchHit, "hourlyRateMinor" | "jobSuccessScore" | "totalEarnedMinor" | "availability">): TalentSearchHit["display"] {
  return {
    rate: hit.hourlyRateMinor === null ? null : `${formatMoney(hit.hourlyRateMinor)} an hour`,
    jobSuccess: hit.jobSuccessScore === null ? "No Job Success Score yet" : `${hit.jobSuccessScore}% Job Success`,
    earned: hit.totalEarnedMinor === 0n ? "No earnings yet" : `${formatMoney(hit.totalEarnedMinor)} earned`,
    availability: AVAILABILITY_LABELS[hit.availability],
  };
}

/** Talent search's cards of these freelancers (suspended ones left out), in the order given. */
export async function talentCards(db: Db, freelancerIds: string[]): Promise<TalentSearchHit[]> {
  if (freelancerIds.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${HIT_COLUMNS}
    FROM "FreelancerProfile" p JOIN "User" u ON u."id" = p."userId"
    WHERE p."userId" = ANY(${freelancerIds}::uuid[]) AND u."suspendedAt" IS NULL`;
  const hits = await toHits(db, rows);
  return freelancerIds.flatMap((id) => hits.filter((hit) => hit.id === id));
}

/** Talent search for clients (and admins): freelancers by words, rate, score, skills, availability and earnings. */
export async function searchFreelancers(db: Db, rawInput: SearchFreelancersInput): Promise<TalentSearchResult> {
  return searchTalent(db, parseInput(SearchFreelancersInput, rawInput));
}

/** The skills whose words the document's index can look up (not only stop words or symbols). */
async function indexable(db: Db, skills: string[]): Promise<Set<string>> {
  if (skills.length === 0) return new Set();
  const rows = await db.$queryRaw<{ skill: string }[]>`
    SELECT skill FROM unnest(${skills}::text[]) skill WHERE numnode(plainto_tsquery('english', skill)) > 0`;
  return new Set(rows.map((row) => row.skill));
}

async function countMatches(db: Db, matching: Prisma.Sql, cap: number | null): Promise<number> {
  const [row] =
    cap === null
      ? await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "FreelancerProfile" p WHERE ${matching}`
      : await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (SELECT 1 FROM "FreelancerProfile" p WHERE ${matching} LIMIT ${cap + 1}) capped`;
  return Number(row?.total ?? 0n);
}

/** Each freelancer's total paid through Fairlance (gross), for a page of them in one query. */
export async function totalEarned(db: Db, freelancerIds: string[]): Promise<Map<string, bigint>> {
  if (freelancerIds.length === 0) return new Map();
  const rows = await db.payment.groupBy({ by: ["freelancerId"], where: { freelancerId: { in: freelancerIds } }, _sum: { grossMinor: true } });
  return new Map(rows.map((row) => [row.freelancerId, row._sum.grossMinor ?? 0n]));
}
