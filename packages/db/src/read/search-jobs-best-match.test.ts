import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, openJob, type TestDatabase } from "../testing";
import { JOB_SEARCH_RANKED, searchJobs } from "./search-jobs";

// More matches than best match ranks: 1,050 alike (one mention of "oboe"), a newer one and an older
// one that match better (three mentions), and one that does not match.
let db: TestDatabase;
const now = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  db = await freshDatabase();
  const client = (await makeUser(db.prisma, "CLIENT")).id;
  const template = await openJob(db.prisma, client, now, { title: "Oboe lesson", description: "An hour a week for a beginner, at home." });
  await db.prisma.$executeRaw`
    INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "durationDays", "experienceLevel", skills, "connectCost",
                       "settingsVersion", "publishedAt", "lastActivityAt", "auctionClosesAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), "clientId", title || ' ' || i, description, type, status, "budgetMinor", "durationDays", "experienceLevel", skills, "connectCost",
           "settingsVersion", "publishedAt" - make_interval(mins => i), "lastActivityAt", "auctionClosesAt", "createdAt", "updatedAt"
    FROM "Job", generate_series(1, 1050) i WHERE id = ${template}::uuid`;
  await openJob(db.prisma, client, minutes(-500), { title: "Oboe, oboe reeds", description: "Teach the making of reeds for a beginner." });
  await openJob(db.prisma, client, minutes(-2_000), { title: "Old oboe, oboe repair", description: "Repair the keys and pads of a student instrument." });
  await openJob(db.prisma, client, minutes(5), { title: "Clarinet lesson", description: "An hour a week for a beginner." });
});
afterAll(() => db.drop());

describe("searchJobs' best match past the newest matches it ranks", () => {
  it("ranks the newest 1,000 matches by how well they match, then lists the older ones newest first", async () => {
    expect(JOB_SEARCH_RANKED).toBe(1_000);
    const inDateOrder = (
      await db.prisma.job.findMany({ where: { status: "OPEN", title: { contains: "oboe", mode: "insensitive" } }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: { title: true } })
    ).map((job) => job.title);
    expect(inDateOrder).toHaveLength(1_053);
    const page = async (n: number) => (await searchJobs(db.prisma, { q: "oboe", sort: "relevance", page: n })).jobs.map((job) => job.title);

    // The better match among the newest 1,000 comes first; the rest of those keep their date order.
    const ranked = inDateOrder.slice(0, 1_000);
    const expected = ["Oboe, oboe reeds", ...ranked.filter((title) => title !== "Oboe, oboe reeds")];
    expect(await page(1)).toEqual(expected.slice(0, 10));
    expect(await page(100)).toEqual(expected.slice(990, 1_000));
    // The older better match is not ranked: it keeps its place among the older matches, by date.
    const older = inDateOrder.slice(1_000);
    expect(older).toContain("Old oboe, oboe repair");
    expect([...(await page(101)), ...(await page(102)), ...(await page(103)), ...(await page(104)), ...(await page(105)), ...(await page(106))]).toEqual(older);
    expect(await searchJobs(db.prisma, { q: "oboe", sort: "relevance", page: 106 })).toMatchObject({ total: 1_053, totalCapped: false });
  });

  it("ranks every match when fewer than that match", async () => {
    const titles = (await searchJobs(db.prisma, { q: "oboe repair", sort: "relevance" })).jobs.map((job) => job.title);
    expect(titles).toEqual(["Old oboe, oboe repair"]);
    const reeds = (await searchJobs(db.prisma, { q: "oboe reeds", sort: "relevance" })).jobs.map((job) => job.title);
    expect(reeds).toEqual(["Oboe, oboe reeds"]);
  });

  it("refuses a page past 1,000 with a sentence", async () => {
    await expect(searchJobs(db.prisma, { q: "oboe", page: 1_001 })).rejects.toThrow("Find work shows up to page 1,000");
  });
});
