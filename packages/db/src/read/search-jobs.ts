import { MAX_AMOUNT_MINOR } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Db } from "../client";
import { DurationDays } from "../services/fields";
import { parseInput } from "../services/input";

export const JOB_SEARCH_SORTS = ["relevance", "newest", "budget_desc", "budget_asc"] as const;
export const JOB_SEARCH_PAGE_SIZE = 10;

const SearchBudget = z.bigint().nonnegative().max(MAX_AMOUNT_MINOR, "Search budgets up to $100,000,000.00.");

/** What Find work filters by (economy.md §3.1 job fields); every filter is optional. */
export const SearchJobsInput = z.strictObject({
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  type: z.enum(["FIXED", "HOURLY"]).optional(),
  /** On the projected value: the fixed budget, or the max hourly rate × estimated hours (as the rate card). */
  // Bounded like the jobs themselves, so no filter overflows its column (a 500 before).
  budgetMinMinor: SearchBudget.optional(),
  budgetMaxMinor: SearchBudget.optional(),
  durationMaxDays: DurationDays.optional(),
  durationMinDays: DurationDays.optional(),
  experienceLevel: z.enum(["ENTRY", "INTERMEDIATE", "EXPERT"]).optional(),
  maxConnects: z.int().nonnegative().max(100_000, "At most 100,000 connects.").optional(),
  sort: z.enum(JOB_SEARCH_SORTS).default("newest"),
  page: z.int().positive().default(1),
});
export type SearchJobsInput = z.input<typeof SearchJobsInput>;

const JOB_CARD = {
  id: true,
  title: true,
  description: true,
  type: true,
  budgetMinor: true,
  hourlyMinMinor: true,
  hourlyMaxMinor: true,
  estimatedHours: true,
  durationDays: true,
  experienceLevel: true,
  skills: true,
  connectCost: true,
  publishedAt: true,
  proposalCount: true,
} as const;

export type JobSearchHit = Prisma.JobGetPayload<{ select: typeof JOB_CARD }>;
const CARD_COLUMNS = Prisma.join(Object.keys(JOB_CARD).map((column) => Prisma.raw(`"Job"."${column}"`)));

/**
 * How far past the page the matches are counted: the total is exact up to the page's end plus this
 * many (100 more pages); beyond, counting stops and `totalCapped` says the page shows "more than".
 */
export const JOB_SEARCH_COUNT_AHEAD = 1_000;

/** Words in date or budget order: how many jobs, in that order, are checked for the words before the full-text index is used. */
const WALK = 2_000;
/** ... among at most this many first jobs in that order (read from the covering index alone). */
const SCAN = 20_000;

export interface JobSearchResult {
  jobs: JobSearchHit[];
  /** How many jobs match; with `totalCapped`, at least this many (counting stopped). */
  total: number;
  /** True when counting stopped at the cap (JOB_SEARCH_COUNT_AHEAD past the page): more than `total` match. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Pages up to `total` (with `totalCapped`, at least this many). */
  pageCount: number;
}

// Searches read "JobSearchEntry": one narrow row per searchable job (open, not paused), kept by a
// trigger in the transaction that changes the job (migration job_search_entries). It holds the
// stored full-text document of title and description (Job."searchDocument", a generated column:
// nothing re-parses text), the date, the projected value (the fixed budget, or the max hourly rate
// × estimated hours, as the rate card) and the filters' columns. Only the page's ten cards are
// read from "Job".
const DOCUMENT = Prisma.sql`"document"`;
const PROJECTED_VALUE = Prisma.sql`"value"`;

/** Open jobs matching a full-text query (websearch syntax) and filters, one page at a time. */
export async function searchJobs(db: Db, rawInput: SearchJobsInput): Promise<JobSearchResult> {
  const input = parseInput(SearchJobsInput, rawInput);
  const q = input.q ? input.q : null;
  const query = q ? Prisma.sql`websearch_to_tsquery('english', ${q})` : null;
  // Only open jobs have an entry; a paused job (its client is suspended, economy.md §5.3) has none.
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.type) where.push(Prisma.sql`"type" = ${input.type}::"JobType"`);
  if (input.experienceLevel) where.push(Prisma.sql`"experienceLevel" = ${input.experienceLevel}::"ExperienceLevel"`);
  if (input.budgetMinMinor !== undefined) where.push(Prisma.sql`${PROJECTED_VALUE} >= ${input.budgetMinMinor}`);
  if (input.budgetMaxMinor !== undefined) where.push(Prisma.sql`${PROJECTED_VALUE} <= ${input.budgetMaxMinor}`);
  if (input.durationMinDays !== undefined) where.push(Prisma.sql`"durationDays" >= ${input.durationMinDays}`);
  if (input.durationMaxDays !== undefined) where.push(Prisma.sql`"durationDays" <= ${input.durationMaxDays}`);
  if (input.maxConnects !== undefined) where.push(Prisma.sql`"connectCost" <= ${input.maxConnects}`);
  // The filters alone (the covering indexes hold their columns), then the words.
  const filters = Prisma.join(where, " AND ");
  if (query) where.push(Prisma.sql`${DOCUMENT} @@ ${query}`);

  const ranked = query !== null && input.sort === "relevance";
  const order = {
    relevance: Prisma.sql`"publishedAt" DESC`,
    newest: Prisma.sql`"publishedAt" DESC`,
    budget_desc: Prisma.sql`${PROJECTED_VALUE} DESC NULLS LAST, "publishedAt" DESC`,
    budget_asc: Prisma.sql`${PROJECTED_VALUE} ASC NULLS LAST, "publishedAt" DESC`,
  }[input.sort];
  // The same order over a subquery's columns "publishedAt" and value (the projected value).
  const orderOf = {
    relevance: Prisma.sql`"publishedAt" DESC`,
    newest: Prisma.sql`"publishedAt" DESC`,
    budget_desc: Prisma.sql`value DESC NULLS LAST, "publishedAt" DESC`,
    budget_asc: Prisma.sql`value ASC NULLS LAST, "publishedAt" DESC`,
  }[input.sort];
  const offset = (input.page - 1) * JOB_SEARCH_PAGE_SIZE;
  const countLimit = offset + JOB_SEARCH_PAGE_SIZE + JOB_SEARCH_COUNT_AHEAD;

  const matching = Prisma.join(where, " AND ");
  let ids: string[];
  let counted: { total: number; capped: boolean };
  if (query && ranked) {
    // Every match is read to rank it anyway, so the exact count comes with the page (a window count).
    // The ranking carries only each match's id, rank and date (small enough to stay in memory); the
    // ten cards are read after, by id. (OFFSET 0 keeps the rank computed below the window.)
    const page = await db.$queryRaw<{ id: string; total: bigint }[]>`
      SELECT "id", count(*) OVER () AS total
      FROM (SELECT "id", ts_rank(${DOCUMENT}, ${query}) AS rank, "publishedAt" FROM "JobSearchEntry" WHERE ${matching} OFFSET 0) AS matches
      ORDER BY rank DESC, "publishedAt" DESC, "id"
      LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
    ids = page.map((row) => row.id);
    counted = page.length > 0 ? { total: Number(page[0]!.total), capped: false } : offset > 0 ? await countMatches(db, where, countLimit, true) : { total: 0, capped: false };
  } else if (query) {
    // Words in date or budget order. First the newest (or cheapest, or dearest) WALK open jobs that
    // pass the filters among the first SCAN in that order (from the covering index alone) are
    // checked for the words: they are the first jobs in that order passing the filters, so when
    // they hold the whole page, it is exact (the order is the same) and cheap for common words, and
    // the count follows. SCAN bounds the index read when a filter is correlated with the order (at
    // most 2 connects, dearest first: the jobs passing it sit at the far end). Otherwise the matches
    // come from the full-text index, read once for the page and its exact count (cheap when they are few).
    const walked = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM (
        SELECT "id", "publishedAt", value FROM (
          SELECT "id", "publishedAt", ${PROJECTED_VALUE} AS value, "type", "experienceLevel", "durationDays", "connectCost"
          FROM "JobSearchEntry" ORDER BY ${order}, "id" LIMIT ${SCAN}) AS scanned
        WHERE ${filters} ORDER BY ${orderOf}, "id" LIMIT ${WALK}) AS walked
      WHERE (SELECT e.${DOCUMENT} FROM "JobSearchEntry" e WHERE e."id" = walked."id") @@ ${query}
      ORDER BY ${orderOf}, "id"
      LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
    if (walked.length === JOB_SEARCH_PAGE_SIZE) {
      ids = walked.map((row) => row.id);
      counted = await countMatches(db, where, countLimit, true);
    } else {
      const page = await db.$queryRaw<{ id: string; total: bigint }[]>`
        WITH matches AS MATERIALIZED (SELECT "id", "publishedAt", ${PROJECTED_VALUE} AS value FROM "JobSearchEntry" WHERE ${matching})
        SELECT "id", count(*) OVER () AS total FROM matches ORDER BY ${orderOf}, "id" LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
      ids = page.map((row) => row.id);
      counted = page.length > 0 ? { total: Number(page[0]!.total), capped: false } : offset > 0 ? await countMatches(db, where, countLimit, true) : { total: 0, capped: false };
    }
  } else {
    // Browsing: the page's ids come from an index in order (covering the filters: migration
    // job_search_entries), and the count, stopped past the cap, from its own query at the same time.
    const [page, count] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "JobSearchEntry" WHERE ${matching} ORDER BY ${order}, "id" LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`,
      countMatches(db, where, countLimit, false),
    ]);
    ids = page.map((row) => row.id);
    counted = count;
  }
  // The ten cards, by id, in the page's order.
  const cards = ids.length > 0 ? await db.$queryRaw<JobSearchHit[]>`SELECT ${CARD_COLUMNS} FROM "Job" WHERE "Job"."id" = ANY(${ids}::uuid[])` : [];
  const byId = new Map(cards.map((card) => [card.id, card]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    jobs: rows,
    total: counted.total,
    totalCapped: counted.capped,
    page: input.page,
    pageSize: JOB_SEARCH_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(counted.total / JOB_SEARCH_PAGE_SIZE)),
  };
}

/**
 * How many jobs match, counting at most `limit` (then `capped`: at least `limit` match). With words,
 * the matches come from the full-text index (a materialized CTE, read only as far as the count
 * needs): with a LIMIT alone the planner may walk a date index checking each job's words, which
 * reads the whole table when few match.
 */
async function countMatches(db: Db, where: Prisma.Sql[], limit: number, words: boolean): Promise<{ total: number; capped: boolean }> {
  const matching = Prisma.join(where, " AND ");
  const [row] = words
    ? await db.$queryRaw<{ total: bigint }[]>`
        WITH matches AS MATERIALIZED (SELECT 1 FROM "JobSearchEntry" WHERE ${matching})
        SELECT count(*) AS total FROM (SELECT 1 FROM matches LIMIT ${limit + 1}) AS counted`
    : await db.$queryRaw<{ total: bigint }[]>`
        SELECT count(*) AS total FROM (SELECT 1 FROM "JobSearchEntry" WHERE ${matching} LIMIT ${limit + 1}) AS counted`;
  const found = Number(row?.total ?? 0n);
  return found > limit ? { total: limit, capped: true } : { total: found, capped: false };
}
