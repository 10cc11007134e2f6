import { MAX_AMOUNT_MINOR } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Db } from "../client";
import { DurationDays } from "../services/fields";
import { parseInput } from "../services/input";

export const JOB_SEARCH_SORTS = ["relevance", "newest", "budget_desc", "budget_asc"] as const;
export const JOB_SEARCH_PAGE_SIZE = 10;
export const JOB_SEARCH_MAX_PAGE = 1_000;

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
  // Ten jobs a page: past 10,000 of them, words or filters find a job sooner than paging does.
  page: z.int().positive().max(JOB_SEARCH_MAX_PAGE, "Find work shows up to page 1,000: narrow the search with words or filters.").default(1),
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

/**
 * Best match ranks the newest this many matching jobs by how well they match; when more match, the
 * older ones follow them newest first. Ranking every match of a common word reads every one of them
 * (at 1,000,000 jobs a skill matches 60,000, half a second); this many are found among the newest
 * weeks' matches (see FIRST_WEEKS) in a few milliseconds.
 */
export const JOB_SEARCH_RANKED = 1_000;
/**
 * Words, newest first: the matches are read from the jobs published in the newest FIRST_WEEKS weeks,
 * then in as many weeks as are expected to hold one more than the count goes to at the rate the
 * words matched there (and a quarter more), until that many have matched; past MAX_WEEKS, from all
 * of them. Weeks are counted back from the newest job's, so a quiet marketplace starts where its
 * jobs are.
 */
const FIRST_WEEKS = 2;
const MAX_WEEKS = 52;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Words in budget order: how many jobs in that order, passing the filters, are checked for the
 * words: at least WALK, and WALK_PER_JOB for each job up to the page's end, so that a word one job
 * in 25 matches (4%) fills a deep page from the walk too...
 */
const WALK = 2_000;
const WALK_PER_JOB = 25;
/** ... among at most this many first jobs in that order (read from the covering index alone). */
const SCAN = 20_000;
/** Browsing: up to this many jobs passing the filters are put in order rather than found along an index. */
const BROWSE_PROBE = 20_000;

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
  /** The last page Find work shows (JOB_SEARCH_MAX_PAGE). */
  maxPage: number;
  /** Best match with words: how many of the newest matches are ranked (older ones follow, newest first); otherwise null. */
  rankedNewest: number | null;
}

// Searches read "JobSearchEntry": one narrow row per searchable job (open, not paused), kept by a
// trigger in the transaction that changes the job (migration job_search_entries). It holds the
// stored full-text document of title and description (Job."searchDocument", a generated column:
// nothing re-parses text), the date and its week, the projected value (the fixed budget, or the
// max hourly rate × estimated hours, as the rate card) and the filters' columns. Only the page's
// ten cards are read from "Job".
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
  // The budget's bounds also start and end a walk of the budget index (see `scanFrom`).
  const budget: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.budgetMinMinor !== undefined) budget.push(Prisma.sql`${PROJECTED_VALUE} >= ${input.budgetMinMinor}`);
  if (input.budgetMaxMinor !== undefined) budget.push(Prisma.sql`${PROJECTED_VALUE} <= ${input.budgetMaxMinor}`);
  where.push(...budget.slice(1));
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
  // Walks in budget order start at the budget's bound: the index's first jobs within it.
  const scanFrom = input.sort === "budget_desc" || input.sort === "budget_asc" ? Prisma.join(budget, " AND ") : Prisma.sql`TRUE`;
  const offset = (input.page - 1) * JOB_SEARCH_PAGE_SIZE;
  const countLimit = offset + JOB_SEARCH_PAGE_SIZE + JOB_SEARCH_COUNT_AHEAD;

  const matching = Prisma.join(where, " AND ");
  let ids: string[];
  let counted: { total: number; capped: boolean };
  const inverted = (min: bigint | number | undefined, max: bigint | number | undefined) => min !== undefined && max !== undefined && min > max;
  const inDateOrder = ranked || input.sort === "newest";
  // What the words are, before anything is read: how many terms survived (none when every word is
  // one English ignores, such as "the"), whether the full-text index can find them (not when they
  // only exclude: "-wordpress"), and, in date order, the newest job's week, where the windows start.
  const words = query
    ? (
        await db.$queryRaw<{ terms: number; indexed: boolean; newestWeek: number | null }[]>`
          SELECT numnode(${query}) AS terms, querytree(${query}) <> 'T' AS indexed, ${
            inDateOrder
              ? Prisma.sql`(SELECT "publishedWeek" FROM "JobSearchEntry" WHERE "publishedAt" IS NOT NULL ORDER BY "publishedAt" DESC, "id" LIMIT 1)`
              : Prisma.sql`NULL::int`
          } AS "newestWeek"`
      )[0]
    : undefined;
  if (inverted(input.budgetMinMinor, input.budgetMaxMinor) || inverted(input.durationMinDays, input.durationMaxDays) || words?.terms === 0) {
    // A minimum above its maximum: no job can pass, and nothing needs reading (Find work's form
    // says so next to the field before it searches; a direct call gets an empty page). Words that
    // are all ignored match no job, as PostgreSQL's full-text search has it.
    ids = [];
    counted = { total: 0, capped: false };
  } else if (query && words && inDateOrder) {
    // Words, newest first (or best match, which ranks the newest matches): the first matches in
    // date order, one more than the count goes to, so the page is exact and the count capped; when
    // fewer match, all of them and the exact count. Words the full-text index can find come from it
    // a few weeks at a time (newestWeeksFirst). Words that only exclude ("-wordpress") match most
    // jobs and the index cannot list them: the jobs are read in date order and checked.
    const page = words.indexed
      ? await newestWeeksFirst(db, { matching, newestWeek: words.newestWeek, countLimit, query, ranked, orderOf, offset })
      : await pageOfMatches(db, {
          source: Prisma.sql`(SELECT "id", "publishedAt", value, ${DOCUMENT} FROM "JobSearchEntry" WHERE ${matching}
            ORDER BY "publishedAt" DESC, "id" LIMIT ${countLimit + 1}) AS walked`,
          query,
          ranked,
          orderOf,
          offset,
        });
    ids = page.ids;
    counted = cappedAt(page.total, countLimit);
  } else if (query) {
    // Words in budget order. First the cheapest (or dearest) WALK or more open jobs that pass the filters
    // among the first SCAN in that order (from the covering index alone) are checked for the words:
    // they are the first jobs in that order passing the filters, so when they hold the whole page,
    // it is exact and cheap for common words, and the count follows. SCAN bounds the index read when
    // a filter is correlated with the order (at most 2 connects, dearest first: the jobs passing it
    // sit at the far end). Otherwise every match comes from the indexes, read once for the page and
    // its exact count.
    const walk = Math.min(SCAN, Math.max(WALK, (offset + JOB_SEARCH_PAGE_SIZE) * WALK_PER_JOB));
    const walked = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM (
        SELECT "id", "publishedAt", value FROM (
          SELECT "id", "publishedAt", ${PROJECTED_VALUE} AS value, "type", "experienceLevel", "durationDays", "connectCost"
          FROM "JobSearchEntry" WHERE ${scanFrom} ORDER BY ${order}, "id" LIMIT ${SCAN}) AS scanned
        WHERE ${filters} ORDER BY ${orderOf}, "id" LIMIT ${walk}) AS walked
      WHERE (SELECT e.${DOCUMENT} FROM "JobSearchEntry" e WHERE e."id" = walked."id") @@ ${query}
      ORDER BY ${orderOf}, "id"
      LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
    if (walked.length === JOB_SEARCH_PAGE_SIZE) {
      ids = walked.map((row) => row.id);
      const count = await countMatches(db, where, countLimit);
      counted = { total: count.total, capped: count.capped };
    } else {
      const all = await pageOfMatches(db, { source: Prisma.sql`"JobSearchEntry" WHERE ${matching}`, query, ranked, orderOf, offset });
      ids = all.ids;
      counted = { total: all.total, capped: false };
    }
  } else {
    // Browsing: the page's ids come from the first SCAN jobs of an index in that order (it covers
    // the filters: migration job_search_entries), and the count, stopped past the cap, from its own
    // query at the same time. When the page is not full there (filters that few jobs pass, or that
    // pass only jobs far along the order, as at most 2 connects, dearest first): if at most
    // BROWSE_PROBE jobs pass, they are read from the filters' indexes and put in order; if more do,
    // the index is read on in order until the page is full.
    const [walked, count] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM (
          SELECT "id", "publishedAt", ${PROJECTED_VALUE} AS value, "type", "experienceLevel", "durationDays", "connectCost"
          FROM "JobSearchEntry" WHERE ${scanFrom} ORDER BY ${order}, "id" LIMIT ${SCAN}) AS scanned
        WHERE ${filters} ORDER BY ${orderOf}, "id" LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`,
      // When at most BROWSE_PROBE jobs pass, the count has read all of them: it also gives their page.
      countMatches(db, where, countLimit, BROWSE_PROBE, { orderOf, offset }),
    ]);
    ids =
      walked.length === JOB_SEARCH_PAGE_SIZE
        ? walked.map((row) => row.id)
        : (count.page ??
          (await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "JobSearchEntry" WHERE ${matching} ORDER BY ${order}, "id" LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`).map(
            (row) => row.id,
          ));
    counted = { total: count.total, capped: count.capped };
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
    maxPage: JOB_SEARCH_MAX_PAGE,
    rankedNewest: ranked ? JOB_SEARCH_RANKED : null,
  };
}

/** A count that stopped past `limit`: at least `limit` (capped), or exactly `found`. */
function cappedAt(found: number, limit: number): { total: number; capped: boolean } {
  return found > limit ? { total: limit, capped: true } : { total: found, capped: false };
}

/**
 * Words the full-text index can find, newest first: the index holds the week each job was published
 * and the type and level filters, so the jobs that match the words and those filters in the newest
 * weeks come from it alone, and only they are read (the other filters checked on them): a few
 * hundred rows for a rare word, a few thousand for a common one. The window widens (FIRST_WEEKS,
 * MAX_WEEKS) until more than `countLimit` have matched, those being the first matches in date
 * order; the last window is all jobs. A window's bounds are constants, so that PostgreSQL sees how
 * few jobs it holds, and on the date too, so that a walk of the date index, if PostgreSQL prefers
 * one, stops at the window's end.
 */
async function newestWeeksFirst(
  db: Db,
  { matching, newestWeek, countLimit, ...rest }: { matching: Prisma.Sql; newestWeek: number | null; countLimit: number; query: Prisma.Sql; ranked: boolean; orderOf: Prisma.Sql; offset: number },
): Promise<{ ids: string[]; total: number }> {
  let weeks: number | null = newestWeek === null ? null : FIRST_WEEKS;
  for (;;) {
    const from = newestWeek !== null && weeks !== null ? newestWeek - weeks + 1 : null;
    const window = from === null ? Prisma.empty : Prisma.sql`AND "publishedWeek" >= ${from} AND "publishedAt" >= ${new Date(from * WEEK_MS)}`;
    const page = await pageOfMatches(db, { source: Prisma.sql`"JobSearchEntry" WHERE ${matching} ${window}`, ...rest });
    if (page.total > countLimit || weeks === null) return page;
    // Next, the weeks expected to hold enough at the rate matched so far, and a quarter more; past a year, all of them.
    const wanted = Math.ceil((1.25 * weeks * (countLimit + 1)) / Math.max(page.total, 1));
    weeks = wanted <= MAX_WEEKS ? Math.max(wanted, weeks + 1) : null;
  }
}

/**
 * One page of the matches a source gives (`FROM` it: rows with "id", "publishedAt", value and, to
 * rank, the document), and how many it gave. Best match numbers them newest first and ranks the
 * first JOB_SEARCH_RANKED by how well they match (ts_rank, then newest; only those are ranked); the
 * rest follow newest first.
 */
async function pageOfMatches(
  db: Db,
  { source, query, ranked, orderOf, offset }: { source: Prisma.Sql; query: Prisma.Sql; ranked: boolean; orderOf: Prisma.Sql; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const numbered = ranked ? Prisma.sql`(SELECT *, row_number() OVER (ORDER BY "publishedAt" DESC, "id") AS n FROM matches) AS numbered` : Prisma.sql`matches`;
  const pageOrder = ranked
    ? Prisma.sql`n > ${JOB_SEARCH_RANKED}, CASE WHEN n <= ${JOB_SEARCH_RANKED} THEN ts_rank(${DOCUMENT}, ${query}) END DESC NULLS LAST, "publishedAt" DESC, "id"`
    : Prisma.sql`${orderOf}, "id"`;
  const [row] = await db.$queryRaw<{ found: bigint; ids: string[] }[]>`
    WITH matches AS MATERIALIZED (SELECT "id", "publishedAt", value${ranked ? Prisma.sql`, ${DOCUMENT}` : Prisma.empty} FROM ${source})
    SELECT (SELECT count(*) FROM matches) AS found,
           ARRAY(SELECT "id"::text FROM ${numbered} ORDER BY ${pageOrder} LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}) AS ids`;
  return { ids: row?.ids ?? [], total: Number(row?.found ?? 0n) };
}

/**
 * How many jobs pass `where` (the filters, and the words in budget order), counting at most
 * `limit` (then `capped`: at least `limit` match). PostgreSQL reads the table in its order until
 * enough passed when many do, or the indexes when few do. With `pageOf`, up to `probe` passing
 * jobs are read, and when at most `probe` passed (so all of them were), their page in that order
 * comes in the same statement (`page`; null when more passed).
 */
async function countMatches(
  db: Db,
  where: Prisma.Sql[],
  limit: number,
  probe = limit,
  pageOf?: { orderOf: Prisma.Sql; offset: number },
): Promise<{ total: number; capped: boolean; page: string[] | null }> {
  const read = Math.max(limit, probe) + 1;
  const [row] = pageOf
    ? await db.$queryRaw<{ total: bigint; ids: string[] | null }[]>`
        WITH passing AS MATERIALIZED (SELECT "id", "publishedAt", ${PROJECTED_VALUE} AS value FROM "JobSearchEntry" WHERE ${Prisma.join(where, " AND ")} LIMIT ${read}),
             counted AS (SELECT count(*) AS total FROM passing)
        SELECT counted.total, CASE WHEN counted.total <= ${probe} THEN
          ARRAY(SELECT "id"::text FROM passing ORDER BY ${pageOf.orderOf}, "id" LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${pageOf.offset}) END AS ids
        FROM counted`
    : await db.$queryRaw<{ total: bigint; ids: null }[]>`
        SELECT count(*) AS total, NULL AS ids FROM (SELECT 1 FROM "JobSearchEntry" WHERE ${Prisma.join(where, " AND ")} LIMIT ${read}) AS counted`;
  const found = Number(row?.total ?? 0n);
  return { ...cappedAt(found, limit), page: row?.ids ?? null };
}
