import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, openJob, type TestDatabase } from "../testing";
import { JOB_SEARCH_COUNT_AHEAD, JOB_SEARCH_PAGE_SIZE, searchJobs } from "./search-jobs";

// More open jobs than the count goes past a page: 3 posted through the service, 1,050 copies in SQL.
let db: TestDatabase;
const now = new Date("2026-12-01T09:00:00Z");
const OPEN = 3 + 1_050;

beforeAll(async () => {
  db = await freshDatabase();
  const client = (await makeUser(db.prisma, "CLIENT")).id;
  const template = await openJob(db.prisma, client, now, { title: "Translate a website", description: "French to German, about forty pages." });
  await openJob(db.prisma, client, new Date(now.getTime() + 60_000), { title: "Hourly bookkeeping", description: "Monthly books for a small shop.", type: "HOURLY", budgetMinor: undefined, hourlyMinMinor: 2_000n, hourlyMaxMinor: 4_000n, estimatedHours: 10 });
  await openJob(db.prisma, client, new Date(now.getTime() + 120_000), { title: "Logo for a shop", description: "A simple logo for a corner shop.", budgetMinor: 9_000n });
  await db.prisma.$executeRaw`
    INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "durationDays", "experienceLevel", skills, "connectCost",
                       "settingsVersion", "publishedAt", "lastActivityAt", "auctionClosesAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), "clientId", title || ' ' || i, description, type, status, "budgetMinor" + i, "durationDays", "experienceLevel", skills, "connectCost",
           "settingsVersion", "publishedAt" - make_interval(mins => i), "lastActivityAt", "auctionClosesAt", "createdAt", "updatedAt"
    FROM "Job", generate_series(1, 1050) i WHERE id = ${template}::uuid`;
});
afterAll(() => db.drop());

describe("searchJobs' count past the page", () => {
  it("stops counting 1,000 past the page and says so; the page itself is exact", async () => {
    const first = await searchJobs(db.prisma, {});
    expect(first).toMatchObject({ total: JOB_SEARCH_PAGE_SIZE + JOB_SEARCH_COUNT_AHEAD, totalCapped: true, pageCount: 101 });
    const exact = await db.prisma.job.findMany({ where: { status: "OPEN" }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: { title: true } });
    expect(exact).toHaveLength(OPEN);
    expect(first.jobs.map((job) => job.title)).toEqual(exact.slice(0, 10).map((job) => job.title));
    const fifth = await searchJobs(db.prisma, { page: 5 });
    expect(fifth).toMatchObject({ total: 40 + 10 + 1_000, totalCapped: true });
    expect(fifth.jobs.map((job) => job.title)).toEqual(exact.slice(40, 50).map((job) => job.title));
    // Near the end the count is exact again.
    expect(await searchJobs(db.prisma, { page: 10 })).toMatchObject({ total: OPEN, totalCapped: false, pageCount: 106 });
    expect(await searchJobs(db.prisma, { page: 200 })).toMatchObject({ jobs: [], total: OPEN, totalCapped: false });
  });

  it("counts exactly when fewer match, by words or by filters, in every order", async () => {
    expect(await searchJobs(db.prisma, { type: "HOURLY" })).toMatchObject({ total: 1, totalCapped: false });
    expect(await searchJobs(db.prisma, { q: "bookkeeping", sort: "newest" })).toMatchObject({ total: 1, totalCapped: false });
    // Best match counts as the other orders do: 1,051 match, so it stops at 1,010.
    expect(await searchJobs(db.prisma, { q: "translate", sort: "relevance" })).toMatchObject({ total: 1_010, totalCapped: true });
    expect(await searchJobs(db.prisma, { q: "translate", sort: "relevance", page: 100 })).toMatchObject({ total: 1_051, totalCapped: false });
    const byBudget = await searchJobs(db.prisma, { sort: "budget_desc", budgetMaxMinor: 10_000n });
    expect(byBudget).toMatchObject({ totalCapped: false });
    expect(byBudget.jobs[0]!.title).toBe("Logo for a shop");
  });

  it("words in date or budget order give the same pages whether the first jobs in order hold them or the full-text index does", async () => {
    const exact = await db.prisma.job.findMany({ where: { status: "OPEN", title: { startsWith: "Translate" } }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: { title: true } });
    for (const page of [1, 3, 100, 106]) {
      const found = await searchJobs(db.prisma, { q: "translate", sort: "newest", page });
      expect(found.jobs.map((job) => job.title)).toEqual(exact.slice((page - 1) * 10, page * 10).map((job) => job.title));
    }
    const byBudget = await db.prisma.job.findMany({ where: { status: "OPEN", title: { startsWith: "Translate" } }, orderBy: [{ budgetMinor: "asc" }, { publishedAt: "desc" }, { id: "asc" }], select: { title: true } });
    expect((await searchJobs(db.prisma, { q: "translate", sort: "budget_asc", page: 2 })).jobs.map((job) => job.title)).toEqual(byBudget.slice(10, 20).map((job) => job.title));
    expect((await searchJobs(db.prisma, { q: "translate", sort: "budget_desc" })).jobs.map((job) => job.title)).toEqual(byBudget.slice(-10).reverse().map((job) => job.title));
  });

  it("words newest first or by best match give exact pages and counts when their matches are spread over a year (the weeks widen)", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    // 3,000 lute jobs, one every 4 hours back from now (500 days): about 70 in the newest 2 weeks (weeks counted
    // from the newest job's, at `now` + 2 minutes), so the window widens: pages 1 and 25 come from about 35 and 43 weeks,
    // deeper ones from all of them. Every third is hourly: 1,000 pass a type filter, about 24 in the first window.
    await db.prisma.$executeRaw`
      INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "hourlyMinMinor", "hourlyMaxMinor", "estimatedHours",
                         "durationDays", "experienceLevel", skills, "connectCost", "publishedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${client}::uuid, 'Lute repair ' || i, 'Restring and repair a lute.',
             CASE WHEN i % 3 = 0 THEN 'HOURLY' ELSE 'FIXED' END::"JobType", 'OPEN',
             CASE WHEN i % 3 = 0 THEN NULL ELSE 10000 + i END, CASE WHEN i % 3 = 0 THEN 2000 END, CASE WHEN i % 3 = 0 THEN 3000 END, CASE WHEN i % 3 = 0 THEN 10 END,
             10, 'ENTRY', ARRAY['music'], 6, ${now}::timestamptz - make_interval(hours => 4 * i), ${now}::timestamptz, ${now}::timestamptz
      FROM generate_series(1, 3000) i`;
    const lutes = (type?: "HOURLY") =>
      db.prisma.job.findMany({ where: { status: "OPEN", title: { startsWith: "Lute" }, type }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: { title: true } });
    const all = await lutes();
    const hourly = await lutes("HOURLY");
    expect([all.length, hourly.length]).toEqual([3_000, 1_000]);
    for (const [page, total, capped] of [[1, 1_010, true], [25, 1_250, true], [150, 2_500, true], [300, 3_000, false], [301, 3_000, false]] as const) {
      const found = await searchJobs(db.prisma, { q: "lute", sort: "newest", page });
      expect(found.jobs.map((job) => job.title)).toEqual(all.slice((page - 1) * 10, page * 10).map((job) => job.title));
      expect(found).toMatchObject({ total, totalCapped: capped });
    }
    // With a filter the index holds: 1,000 match, all counted exactly, from all the weeks.
    for (const page of [1, 40, 100]) {
      const found = await searchJobs(db.prisma, { q: "lute", type: "HOURLY", sort: "newest", page });
      expect(found.jobs.map((job) => job.title)).toEqual(hourly.slice((page - 1) * 10, page * 10).map((job) => job.title));
      expect(found).toMatchObject({ total: 1_000, totalCapped: false });
    }
    // Best match ranks the newest 1,000 (all alike here, so newest first), then the older ones follow newest first.
    const ranked = await searchJobs(db.prisma, { q: "lute repair", sort: "relevance", page: 101 });
    expect(ranked.jobs.map((job) => job.title)).toEqual(all.slice(1_000, 1_010).map((job) => job.title));
    expect(ranked).toMatchObject({ total: 2_010, totalCapped: true, rankedNewest: 1_000 });
  });

  it("words in budget order with a filter correlated with it give exact pages past the first 20,000 jobs of the index", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    // 20,100 jobs dearer than every other, costing 6 connects but for every 1,000th (1 connect); then 25 cheap ones at 1 connect.
    await db.prisma.$executeRaw`
      INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "durationDays", "experienceLevel", skills, "connectCost",
                         "publishedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${client}::uuid, 'Oboe lesson ' || i, 'Teach the oboe.', 'FIXED', 'OPEN',
             CASE WHEN i <= 20100 THEN 100000000 - i ELSE 30000 - i END, 10, 'ENTRY', ARRAY['music'],
             CASE WHEN i <= 20100 AND i % 1000 <> 0 THEN 6 ELSE 1 END, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM generate_series(1, 20125) i`;
    const exact = await db.prisma.job.findMany({
      where: { status: "OPEN", title: { startsWith: "Oboe" }, connectCost: { lte: 2 } },
      orderBy: [{ budgetMinor: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
      select: { title: true },
    });
    expect(exact).toHaveLength(20 + 25);
    // Page 1: the 10 first of the 20 cheap-to-apply dear jobs (all within the first 20,000 of the index); pages 2 to 5 reach past them.
    for (const page of [1, 2, 3, 5]) {
      const found = await searchJobs(db.prisma, { q: "oboe", maxConnects: 2, sort: "budget_desc", page });
      expect(found.jobs.map((job) => job.title)).toEqual(exact.slice((page - 1) * 10, page * 10).map((job) => job.title));
      expect(found).toMatchObject({ total: 45, totalCapped: false });
    }
    // Browsing with the same filter: the first 20,000 jobs of the budget index hold only 20 that pass it.
    const browsed = await db.prisma.job.findMany({
      where: { status: "OPEN", connectCost: { lte: 2 } },
      orderBy: [{ budgetMinor: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
      select: { title: true },
    });
    for (const page of [1, 2, 3, 5, 40]) {
      const found = await searchJobs(db.prisma, { maxConnects: 2, sort: "budget_desc", page });
      expect(found.jobs.map((job) => job.title)).toEqual(browsed.slice((page - 1) * 10, page * 10).map((job) => job.title));
      expect(found).toMatchObject({ total: Math.min(browsed.length, (page - 1) * 10 + 1_010), totalCapped: browsed.length > (page - 1) * 10 + 1_010 });
    }
  });
});
