import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { closeJob } from "../services/jobs/close-job";
import { editJob } from "../services/jobs/edit-job";
import { JOB_SEARCH_PAGE_SIZE, searchJobs } from "./search-jobs";

let db: TestDatabase;
const now = new Date("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

beforeAll(async () => {
  db = await freshDatabase();
  const client = (await makeUser(db.prisma, "CLIENT")).id;
  const post = (minutes: number, overrides: Parameters<typeof openJob>[3]) => openJob(db.prisma, client, at(minutes), overrides);
  await post(1, { title: "Migrate a PostgreSQL database", description: "Move our PostgreSQL 12 database to version 17 without downtime.", budgetMinor: 80_000n, durationDays: 20, experienceLevel: "EXPERT" });
  await post(2, { title: "Logo for a bakery", description: "A warm, friendly logo for a neighbourhood bakery and cafe.", budgetMinor: 4_000n, durationDays: 1, experienceLevel: "ENTRY" });
  await post(3, {
    title: "Ongoing React help",
    description: "Hourly help with React components and database queries for a dashboard.",
    type: "HOURLY", budgetMinor: undefined, hourlyMinMinor: 3_000n, hourlyMaxMinor: 5_000n, estimatedHours: 40, durationDays: 90,
  });
  const closed = await post(4, { title: "Closed PostgreSQL tuning", description: "Tune slow PostgreSQL queries for our reporting database." });
  await closeJob(db.prisma, { jobId: closed, actorId: client, now: at(5), idempotencyKey: key() });
  await openJob(db.prisma, client, at(6), { title: "Draft PostgreSQL job", description: "Not yet published, about PostgreSQL databases.", publish: false });
});
afterAll(() => db.drop());

const titles = async (input: Parameters<typeof searchJobs>[1]) => (await searchJobs(db.prisma, input)).jobs.map((job) => job.title);

describe("searchJobs", () => {
  it("finds open jobs by words in the title or description (stemmed), never closed or draft ones", async () => {
    expect(await titles({ q: "postgresql" })).toEqual(["Migrate a PostgreSQL database"]);
    expect(await titles({ q: "databases", sort: "newest" })).toEqual(["Ongoing React help", "Migrate a PostgreSQL database"]);
    expect(await titles({ q: "bakery -cafe" })).toEqual([]);
    expect(await titles({ q: '"neighbourhood bakery"' })).toEqual(["Logo for a bakery"]);
    expect(await titles({})).toEqual(["Ongoing React help", "Logo for a bakery", "Migrate a PostgreSQL database"]);
  });

  it("words that only exclude match every other open job, in each order; words English ignores match none", async () => {
    for (const sort of ["newest", "relevance"] as const) {
      expect(await searchJobs(db.prisma, { q: "-postgresql", sort })).toMatchObject({ total: 2, totalCapped: false });
      expect(await titles({ q: "-postgresql", sort })).toEqual(["Ongoing React help", "Logo for a bakery"]);
    }
    expect(await titles({ q: "-bakery -react", sort: "budget_asc" })).toEqual(["Migrate a PostgreSQL database"]);
    expect(await titles({ q: "database OR -logo", sort: "newest" })).toEqual(["Ongoing React help", "Migrate a PostgreSQL database"]);
    for (const q of ["the", "the and of", "!!!", "-the"]) {
      for (const sort of ["newest", "relevance", "budget_desc"] as const) {
        expect(await searchJobs(db.prisma, { q, sort })).toMatchObject({ jobs: [], total: 0, totalCapped: false });
      }
    }
  });

  it("browses every open job newest first or by projected budget either way, with the count", async () => {
    expect(await searchJobs(db.prisma, {})).toMatchObject({ total: 3, pageCount: 1 });
    expect(await titles({ sort: "budget_desc" })).toEqual(["Ongoing React help", "Migrate a PostgreSQL database", "Logo for a bakery"]);
    expect(await titles({ sort: "budget_asc" })).toEqual(["Logo for a bakery", "Migrate a PostgreSQL database", "Ongoing React help"]);
    expect(await searchJobs(db.prisma, { type: "FIXED", page: 3 })).toMatchObject({ jobs: [], total: 2 });
  });

  it("returns cards with their amounts as bigint and dates as dates", async () => {
    const [card] = (await searchJobs(db.prisma, { q: "postgresql" })).jobs;
    expect(card).toEqual({
      id: expect.any(String),
      title: "Migrate a PostgreSQL database",
      description: "Move our PostgreSQL 12 database to version 17 without downtime.",
      type: "FIXED",
      budgetMinor: 80_000n,
      hourlyMinMinor: null,
      hourlyMaxMinor: null,
      estimatedHours: null,
      durationDays: 20,
      experienceLevel: "EXPERT",
      skills: ["react", "css"],
      connectCost: 5,
      publishedAt: at(1),
      proposalCount: 0,
    });
  });

  it("filters by type, projected budget, duration, experience level and connects", async () => {
    expect(await titles({ type: "HOURLY" })).toEqual(["Ongoing React help"]);
    // Hourly: $50 max × 40 h = $2,000 projected.
    expect(await titles({ budgetMinMinor: 100_000n })).toEqual(["Ongoing React help"]);
    expect(await titles({ budgetMaxMinor: 80_000n, sort: "budget_desc" })).toEqual(["Migrate a PostgreSQL database", "Logo for a bakery"]);
    expect(await titles({ durationMaxDays: 29 })).toEqual(["Logo for a bakery", "Migrate a PostgreSQL database"]);
    expect(await titles({ durationMinDays: 30 })).toEqual(["Ongoing React help"]);
    expect(await titles({ experienceLevel: "ENTRY" })).toEqual(["Logo for a bakery"]);
    // Costs: bakery 1 ($40, 1 day), migration 5 ($800, 20 days), React 6 ($2,000, 90 days).
    expect(await titles({ maxConnects: 5, sort: "budget_asc" })).toEqual(["Logo for a bakery", "Migrate a PostgreSQL database"]);
    // A bound equal to its other bound holds the jobs at it; a minimum above its maximum holds none.
    expect(await titles({ budgetMinMinor: 80_000n, budgetMaxMinor: 80_000n })).toEqual(["Migrate a PostgreSQL database"]);
    expect(await searchJobs(db.prisma, { budgetMinMinor: 80_001n, budgetMaxMinor: 80_000n })).toMatchObject({ jobs: [], total: 0, totalCapped: false });
    expect(await searchJobs(db.prisma, { q: "logo", durationMinDays: 2, durationMaxDays: 1 })).toMatchObject({ jobs: [], total: 0 });
  });

  it("pages through results and reports the total", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    for (let index = 0; index < JOB_SEARCH_PAGE_SIZE + 2; index++) {
      await openJob(db.prisma, client, at(100 + index), { title: `Paged widget job ${index}`, description: "A widget job used to test the pages of Find work." });
    }
    const first = await searchJobs(db.prisma, { q: "widget" });
    expect(first).toMatchObject({ total: JOB_SEARCH_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first.jobs).toHaveLength(JOB_SEARCH_PAGE_SIZE);
    expect(first.jobs[0]!.title).toBe(`Paged widget job ${JOB_SEARCH_PAGE_SIZE + 1}`);
    const second = await searchJobs(db.prisma, { q: "widget", page: 2 });
    expect(second.jobs.map((job) => job.title)).toEqual(["Paged widget job 1", "Paged widget job 0"]);
    expect(await searchJobs(db.prisma, { q: "widget", page: 5 })).toMatchObject({ jobs: [], total: JOB_SEARCH_PAGE_SIZE + 2 });
  });

  it("searches the stored document through its index, kept current when the client edits the job", async () => {
    const [index] = await db.prisma.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'manual_job_search_entry_match_idx'`;
    expect(index?.indexdef).toContain('ON public."JobSearchEntry" USING gin (document, type, "experienceLevel", "publishedWeek")');
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const jobId = await openJob(db.prisma, client, at(200), { title: "Knit a sweater pattern", description: "A cosy sweater pattern for beginners to knit." });
    expect(await titles({ q: "sweater" })).toEqual(["Knit a sweater pattern"]);
    await editJob(db.prisma, { jobId, actorId: client, now: at(201), idempotencyKey: key(), changes: { title: "Crochet a scarf pattern", description: "A cosy scarf pattern for beginners to crochet." } });
    expect(await titles({ q: "sweater" })).toEqual([]);
    expect(await titles({ q: "crochet scarf" })).toEqual(["Crochet a scarf pattern"]);
  });

  it("keeps one search entry per open, unpaused job, equal to the job's own columns, in the job's transaction", async () => {
    // What every search reads (migration job_search_entries): the same rows and values as the jobs themselves.
    const mismatches = () => db.prisma.$queryRaw<{ id: string }[]>`
      SELECT coalesce(j.id, e.id)::text AS id
      FROM (SELECT id, "searchDocument", "publishedAt", CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END AS value,
                   "type", "experienceLevel", "durationDays", "connectCost"
            FROM "Job" WHERE "status" = 'OPEN' AND "pausedAt" IS NULL) j
      FULL JOIN "JobSearchEntry" e ON e.id = j.id
      WHERE j.id IS NULL OR e.id IS NULL OR e.document IS DISTINCT FROM j."searchDocument" OR e."publishedAt" IS DISTINCT FROM j."publishedAt"
         OR e."publishedWeek" IS DISTINCT FROM floor(extract(epoch FROM j."publishedAt") / 604800)::int
         OR e.value IS DISTINCT FROM j.value OR e.type <> j.type OR e."experienceLevel" <> j."experienceLevel"
         OR e."durationDays" <> j."durationDays" OR e."connectCost" IS DISTINCT FROM j."connectCost"`;
    const entries = async () => Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "JobSearchEntry"`)[0]!.n);
    expect(await mismatches()).toEqual([]);
    const open = Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Job" WHERE "status" = 'OPEN' AND "pausedAt" IS NULL`)[0]!.n);
    expect(await entries()).toBe(open);

    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const jobId = await openJob(db.prisma, client, at(300), { title: "Tune an accordion", description: "Tune a vintage accordion's reeds.", budgetMinor: 9_000n });
    expect(await entries()).toBe(open + 1);
    // A paused job leaves search, and comes back when the pause is lifted; an edit of the budget shows.
    await db.prisma.job.update({ where: { id: jobId }, data: { pausedAt: at(301) } });
    expect(await titles({ q: "accordion" })).toEqual([]);
    expect(await entries()).toBe(open);
    await db.prisma.job.update({ where: { id: jobId }, data: { pausedAt: null, budgetMinor: 12_000n } });
    expect(await titles({ q: "accordion", budgetMinMinor: 12_000n })).toEqual(["Tune an accordion"]);
    expect(await mismatches()).toEqual([]);
    // A rolled-back change leaves the entry as it was (the trigger runs in the job's transaction).
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.job.update({ where: { id: jobId }, data: { status: "CLOSED" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await titles({ q: "accordion" })).toEqual(["Tune an accordion"]);
    await closeJob(db.prisma, { jobId, actorId: client, now: at(302), idempotencyKey: key() });
    expect(await titles({ q: "accordion" })).toEqual([]);
    expect(await mismatches()).toEqual([]);
    expect(await entries()).toBe(open);
  });
});
