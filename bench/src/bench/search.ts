// Job search (Find work) over a generated catalogue: jobs inserted with SQL from word
// lists (titles, descriptions, skills, budgets, durations vary), then many searches
// through the real read model (`searchJobs`), and a smaller sample through HTTP (`job.search`).
import { searchJobs, type SearchJobsInput } from "@fairlance/db/read";
import { type PrismaClient } from "@fairlance/db";
import pg from "pg";
import { percentile, trpc } from "../harness";
import { seededRandom } from "./util";

const SKILLS = [
  "react", "python", "django", "wordpress", "shopify", "figma", "seo", "copywriting", "excel", "illustrator",
  "photoshop", "node", "typescript", "flutter", "swift", "kotlin", "laravel", "php", "postgres", "tableau",
  "video editing", "animation", "translation", "voiceover", "bookkeeping", "marketing", "salesforce", "unity",
  "blender", "aws", "docker", "rust", "golang", "vue", "angular", "webflow", "hubspot", "mailchimp", "zapier", "scraping",
];
const NOUNS = [
  "landing page", "mobile app", "logo", "dashboard", "api", "online store", "blog", "newsletter", "pitch deck", "data pipeline",
  "chatbot", "brand identity", "explainer video", "podcast", "product catalogue", "booking system", "crm integration",
  "marketing site", "browser extension", "report", "spreadsheet model", "game level", "3d model", "ad campaign", "email sequence",
];
const INDUSTRIES = [
  "bakery", "law firm", "dental clinic", "yoga studio", "bike shop", "real estate agency", "nonprofit", "coffee roaster",
  "fintech startup", "travel agency", "architecture studio", "fitness coach", "bookshop", "brewery", "veterinary clinic",
];
const ADJECTIVES = ["Senior", "Experienced", "Creative", "Reliable", "Fast", "Detail-oriented", "Friendly", "Expert", "Junior", "Bilingual"];
const EXTRAS = [
  "We have a clear brief and examples we like.",
  "The work includes two rounds of revisions.",
  "Please share links to similar projects you finished.",
  "We would like to start next week and move quickly.",
  "Long-term collaboration is possible if this goes well.",
  "Our current version is outdated and slow on phones.",
  "You will work directly with the founder.",
  "Accessibility and performance matter to us.",
];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(", ")}]`;

/**
 * Inserts `count` jobs of `clientIds` (90% open, the rest closed or hired), priced with the
 * default rate card as publishing would. Deterministic: the same count gives the same jobs.
 */
export async function generateJobs(url: string, clientIds: readonly string[], count: number, now: Date): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query(
      `
      WITH w AS (SELECT ${sqlArray(SKILLS)} sk, ${sqlArray(NOUNS)} nn, ${sqlArray(INDUSTRIES)} ind, ${sqlArray(ADJECTIVES)} adj,
                        ${sqlArray(EXTRAS)} ex, $1::uuid[] clients),
      g AS (
        SELECT i, w.*, abs(hashint4(i)) h1, abs(hashint4(i + 1000003)) h2, abs(hashint4(i + 2000003)) h3, abs(hashint4(i + 3000017)) h4
        FROM generate_series(1, $2::int) i, w
      ),
      j AS (
        SELECT g.*, sk[1 + h1 % cardinality(sk)] s1, sk[1 + h2 % cardinality(sk)] s2, sk[1 + h4 % cardinality(sk)] s3,
               nn[1 + h3 % cardinality(nn)] noun, ind[1 + (h1 / 7) % cardinality(ind)] industry,
               CASE WHEN h2 % 10 < 7 THEN 'FIXED' ELSE 'HOURLY' END jt,
               1 + (h3 / 11) % 180 days,
               CASE WHEN h4 % 100 < 90 THEN 'OPEN' WHEN h4 % 100 < 95 THEN 'CLOSED' ELSE 'HIRED' END st
        FROM g
      ),
      p AS (
        SELECT j.*,
               CASE WHEN jt = 'FIXED' THEN (1000 + (h1 / 13) % 500 * 1000)::bigint END budget,
               CASE WHEN jt = 'HOURLY' THEN (1500 + (h2 / 13) % 50 * 100)::bigint END hmin,
               CASE WHEN jt = 'HOURLY' THEN (1500 + (h2 / 13) % 50 * 100 + 500 + (h3 / 13) % 45 * 100)::bigint END hmax,
               CASE WHEN jt = 'HOURLY' THEN 5 + (h4 / 13) % 400 END hours
        FROM j
      ),
      v AS (SELECT p.*, coalesce(budget, hmax * hours) projected FROM p)
      INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "hourlyMinMinor", "hourlyMaxMinor",
                         "estimatedHours", "durationDays", "experienceLevel", skills, "connectCost", "settingsVersion",
                         "publishedAt", "lastActivityAt", "auctionClosesAt", "auctionClosedAt", "endedAt", "endedReason",
                         "createdAt", "updatedAt")
      SELECT gen_random_uuid(), clients[1 + i % cardinality(clients)],
             adj[1 + (h4 / 7) % cardinality(adj)] || ' ' || s1 || ' specialist for a ' || noun,
             'We are a ' || industry || ' looking for help with ' || s1 || ' and ' || s2 || ' to deliver a ' || noun || '. '
               || ex[1 + h1 % cardinality(ex)] || ' ' || ex[1 + h3 % cardinality(ex)] || ' Experience with ' || s3 || ' is a plus.',
             jt::"JobType", st::"JobStatus", budget, hmin, hmax, hours, days,
             (ARRAY['ENTRY', 'INTERMEDIATE', 'EXPERT'])[1 + h3 % 3]::"ExperienceLevel",
             ARRAY(SELECT DISTINCT unnest(ARRAY[s1, s2, s3])),
             CASE WHEN projected <= 5000 THEN CASE WHEN days <= 1 THEN 1 ELSE 2 END
                  WHEN projected <= 60000 THEN CASE WHEN days <= 6 THEN 3 ELSE 4 END
                  ELSE CASE WHEN days <= 29 THEN 5 ELSE 6 END END,
             0,
             published, published,
             -- As the app leaves them: the boost auction closes 7 days after publishing (the runner
             -- has settled those past), and a closed or hired job ended a day after it was posted.
             published + interval '7 days',
             CASE WHEN st <> 'OPEN' THEN published + interval '1 day' WHEN published + interval '7 days' <= $3::timestamptz THEN published + interval '7 days' END,
             CASE WHEN st <> 'OPEN' THEN published + interval '1 day' END,
             CASE st WHEN 'CLOSED' THEN 'closed_without_hire' WHEN 'HIRED' THEN 'hired' END,
             published, $3::timestamptz
      FROM (SELECT v.*, $3::timestamptz - make_interval(secs => i * 20) AS published FROM v) v`,
      [clientIds, count, now],
    );
    // As autovacuum leaves a table soon after a bulk insert: statistics, and the visibility map
    // that lets counts read an index alone.
    await client.query(`VACUUM ANALYZE "Job"`);
    await client.query(`VACUUM ANALYZE "JobSearchEntry"`); // the open jobs' search entries (filled by the trigger)
  } finally {
    await client.end();
  }
}

/** Varied searches: words and phrases from the catalogue, filters, sorts and pages (deterministic). */
export function searchInputs(count: number, seed = 8): SearchJobsInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const inputs: SearchJobsInput[] = [];
  for (let i = 0; i < count; i++) {
    const input: SearchJobsInput = {};
    const shape = random();
    if (shape < 0.3) input.q = pick(SKILLS);
    else if (shape < 0.5) input.q = `${pick(SKILLS)} ${pick(NOUNS)}`;
    else if (shape < 0.6) input.q = `"${pick(NOUNS)}"`;
    else if (shape < 0.7) input.q = `${pick(SKILLS)} -${pick(SKILLS)}`;
    else if (shape < 0.75) input.q = `${pick(INDUSTRIES)} ${pick(SKILLS)}`;
    if (random() < 0.3) input.type = pick(["FIXED", "HOURLY"] as const);
    if (random() < 0.25) input.experienceLevel = pick(["ENTRY", "INTERMEDIATE", "EXPERT"] as const);
    if (random() < 0.2) input.budgetMinMinor = BigInt(pick([10_000, 50_000, 100_000]));
    if (random() < 0.2) input.budgetMaxMinor = BigInt(pick([60_000, 200_000, 500_000]));
    if (random() < 0.15) input.durationMaxDays = pick([7, 30, 90]);
    if (random() < 0.15) input.maxConnects = pick([2, 4]);
    input.sort = input.q && random() < 0.6 ? "relevance" : pick(["newest", "newest", "budget_desc", "budget_asc"] as const);
    const page = random();
    input.page = page < 0.6 ? 1 : page < 0.9 ? 2 + Math.floor(random() * 4) : 10 + Math.floor(random() * 40);
    inputs.push(input);
  }
  return inputs;
}

export interface SearchStats {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The slowest inputs, to see what to make faster. */
  slowest: { ms: number; input: SearchJobsInput; total: number }[];
}

function stats(samples: { ms: number; input: SearchJobsInput; total: number }[]): SearchStats {
  const ms = samples.map((s) => s.ms);
  return {
    calls: samples.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

/** Sequential searches through the service (one at a time: latency, not throughput). */
export async function searchThroughService(prisma: PrismaClient, inputs: readonly SearchJobsInput[]): Promise<SearchStats> {
  for (const input of inputs.slice(0, 20)) await searchJobs(prisma, input); // warm-up
  const samples = [];
  for (const input of inputs) {
    const t0 = performance.now();
    const result = await searchJobs(prisma, input);
    samples.push({ ms: performance.now() - t0, input, total: result.total });
  }
  return stats(samples);
}

export async function searchThroughHttp(webUrl: string, cookie: string, inputs: readonly SearchJobsInput[]): Promise<SearchStats> {
  for (const input of inputs.slice(0, 10)) await trpc(webUrl, cookie, "job.search", input, { method: "GET" });
  const samples = [];
  for (const input of inputs) {
    const t0 = performance.now();
    const result = await trpc<{ total: number }>(webUrl, cookie, "job.search", input, { method: "GET" });
    if (!result.ok) throw new Error(`job.search failed over HTTP: ${result.error.message}`);
    samples.push({ ms: performance.now() - t0, input, total: result.data.total });
  }
  return stats(samples);
}

/** Bump when the generated catalogue of the large search changes, so a kept one of an older shape is made again. */
const CATALOGUE_VERSION = 2; // 2: made again after migration job_search_weeks, so its rows are laid out as inserted, not as updated
const CATALOGUE_CLIENTS = 2_000;

/**
 * A catalogue of `count` jobs in its own migrated database (`url`), made once and kept between runs
 * like the ledger part's (the generator is deterministic; a new migration is applied to it by the
 * caller). The indexes of the jobs and their search entries are dropped during the load and rebuilt
 * after with their own definitions.
 * Returns false when a kept catalogue of the same size and version was reused.
 */
export async function keptCatalogue(url: string, count: number, now: Date): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench_search' AND table_name = 'generated') AS ok`,
    );
    if (rows[0]?.ok) {
      const kept = await client.query<{ version: number; jobs: number }>(`SELECT version, jobs FROM bench_search.generated`);
      if (kept.rows[0]?.version === CATALOGUE_VERSION && kept.rows[0]?.jobs === count) return false;
    }
    await client.query(`TRUNCATE "Job", "User" CASCADE`);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt")
       SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'search-client-' || i || '@bench.test', 'Search client ' || i, 'CLIENT',
              'bench: no sign-in', $1::timestamptz, $1::timestamptz
       FROM generate_series(1, ${CATALOGUE_CLIENTS}) i`,
      [now],
    );
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('Job', 'JobSearchEntry') AND indexname NOT IN ('Job_pkey', 'JobSearchEntry_pkey')`);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    const { rows: clients } = await client.query<{ id: string }>(`SELECT id FROM "User" ORDER BY id`);
    await client.end().catch(() => undefined);
    await generateJobs(
      url,
      clients.map((c) => c.id),
      count,
      now,
    );
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    try {
      await again.query("SET maintenance_work_mem = '256MB'");
      for (const index of indexes) await again.query(index.definition);
      await again.query(`CREATE SCHEMA IF NOT EXISTS bench_search`);
      await again.query(`CREATE TABLE IF NOT EXISTS bench_search.generated (version int NOT NULL, jobs int NOT NULL)`);
      await again.query(`TRUNCATE bench_search.generated`);
      await again.query(`INSERT INTO bench_search.generated VALUES ($1, $2)`, [CATALOGUE_VERSION, count]);
      await again.query(`VACUUM ANALYZE "Job"`);
      await again.query(`VACUUM ANALYZE "JobSearchEntry"`);
    } finally {
      await again.end();
    }
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
