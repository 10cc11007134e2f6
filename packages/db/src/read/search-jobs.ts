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

export interface JobSearchResult {
  jobs: JobSearchHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

// The stored full-text document of title and description (a generated column with a GIN index,
// migration 20261127120000_job_search_document): matching and ranking read it, nothing re-parses text.
const DOCUMENT = Prisma.sql`"searchDocument"`;
const PROJECTED_VALUE = Prisma.sql`(CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END)`;

/** Open jobs matching a full-text query (websearch syntax) and filters, one page at a time. */
export async function searchJobs(db: Db, rawInput: SearchJobsInput): Promise<JobSearchResult> {
  const input = parseInput(SearchJobsInput, rawInput);
  const q = input.q ? input.q : null;
  const query = q ? Prisma.sql`websearch_to_tsquery('english', ${q})` : null;
  // A paused job (its client is suspended, economy.md §5.3) is out of search.
  const where: Prisma.Sql[] = [Prisma.sql`"status" = 'OPEN'`, Prisma.sql`"pausedAt" IS NULL`];
  if (query) where.push(Prisma.sql`${DOCUMENT} @@ ${query}`);
  if (input.type) where.push(Prisma.sql`"type" = ${input.type}::"JobType"`);
  if (input.experienceLevel) where.push(Prisma.sql`"experienceLevel" = ${input.experienceLevel}::"ExperienceLevel"`);
  if (input.budgetMinMinor !== undefined) where.push(Prisma.sql`${PROJECTED_VALUE} >= ${input.budgetMinMinor}`);
  if (input.budgetMaxMinor !== undefined) where.push(Prisma.sql`${PROJECTED_VALUE} <= ${input.budgetMaxMinor}`);
  if (input.durationMinDays !== undefined) where.push(Prisma.sql`"durationDays" >= ${input.durationMinDays}`);
  if (input.durationMaxDays !== undefined) where.push(Prisma.sql`"durationDays" <= ${input.durationMaxDays}`);
  if (input.maxConnects !== undefined) where.push(Prisma.sql`"connectCost" <= ${input.maxConnects}`);

  const order = {
    relevance: query ? Prisma.sql`ts_rank(${DOCUMENT}, ${query}) DESC, "publishedAt" DESC` : Prisma.sql`"publishedAt" DESC`,
    newest: Prisma.sql`"publishedAt" DESC`,
    budget_desc: Prisma.sql`${PROJECTED_VALUE} DESC NULLS LAST, "publishedAt" DESC`,
    budget_asc: Prisma.sql`${PROJECTED_VALUE} ASC NULLS LAST, "publishedAt" DESC`,
  }[input.sort];
  const offset = (input.page - 1) * JOB_SEARCH_PAGE_SIZE;

  const matching = Prisma.join(where, " AND ");
  // The cards come with the page (one query); raw rows carry bigint, Date and enum text as Prisma's do.
  const page = (withTotal: boolean) => db.$queryRaw<(JobSearchHit & { total: bigint | null })[]>`
    SELECT ${CARD_COLUMNS}, ${withTotal ? Prisma.sql`count(*) OVER ()` : Prisma.sql`NULL::bigint`} AS total FROM "Job"
    WHERE ${matching}
    ORDER BY ${order}, "Job"."id"
    LIMIT ${JOB_SEARCH_PAGE_SIZE} OFFSET ${offset}`;
  let rows: (JobSearchHit & { total: bigint | null })[];
  let total: number;
  if (query) {
    // Every match is read to rank it anyway: the window count comes with the page.
    rows = await page(true);
    total = rows.length > 0 ? Number(rows[0]!.total) : offset > 0 ? await countMatches(db, where) : 0;
  } else {
    // Browsing (filters or not): the page comes from an index in order (newest first, or by budget)
    // and the count from its own query at the same time, instead of counting and sorting every
    // match with the page. (Rare filters correlated with the order walk much of the index: the
    // slowest searches left; see BENCHMARKS.md.)
    [rows, total] = await Promise.all([page(false), countMatches(db, where)]);
  }  return {
    jobs: rows.map(({ total: _total, ...job }) => job),
    total,
    page: input.page,
    pageSize: JOB_SEARCH_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / JOB_SEARCH_PAGE_SIZE)),
  };
}

/** A page past the end still reports how many jobs matched. */
async function countMatches(db: Db, where: Prisma.Sql[]): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Job" WHERE ${Prisma.join(where, " AND ")}`;
  return Number(row?.total ?? 0n);
}
