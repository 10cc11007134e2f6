// Talent search over a generated population of freelancers: profiles inserted with SQL from word
// lists (titles, skills, overviews, rates, scores and availability vary; some were paid, a few are
// suspended), then many searches one at a time through the real read model (`searchFreelancers`).
import { searchFreelancers, type SearchFreelancersInput } from "@fairlance/db/read";
import { type PrismaClient } from "@fairlance/db";
import pg from "pg";
import { percentile } from "../harness";
import { seededRandom } from "./util";

const SKILLS = [
  "react", "python", "django", "wordpress", "shopify", "figma", "seo", "copywriting", "excel", "illustrator",
  "photoshop", "node", "typescript", "flutter", "swift", "kotlin", "laravel", "php", "postgres", "tableau",
  "video editing", "animation", "translation", "voiceover", "bookkeeping", "marketing", "salesforce", "unity",
  "blender", "aws", "docker", "rust", "golang", "vue", "angular", "webflow", "hubspot", "mailchimp", "zapier", "scraping",
];
const ROLES = [
  "developer", "designer", "engineer", "writer", "consultant", "editor", "analyst", "architect", "marketer", "translator",
  "animator", "illustrator", "accountant", "data scientist", "product manager", "tester", "administrator", "strategist",
];
const ADJECTIVES = ["Senior", "Experienced", "Creative", "Reliable", "Fast", "Detail-oriented", "Friendly", "Expert", "Junior", "Bilingual", "Certified", "Full-stack"];
const INDUSTRIES = [
  "bakeries", "law firms", "dental clinics", "yoga studios", "bike shops", "real estate agencies", "nonprofits", "coffee roasters",
  "fintech startups", "travel agencies", "architecture studios", "fitness coaches", "bookshops", "breweries", "veterinary clinics",
];
const SENTENCES = [
  "I answer within a few hours and keep you posted every day.",
  "Clear estimates, no surprises, and two rounds of revisions included.",
  "I have shipped more than fifty projects for clients on four continents.",
  "Accessibility and performance are part of everything I deliver.",
  "I like long collaborations and documenting what I build.",
  "Previously at an agency, now independent for six years.",
  "Happy to start with a small paid trial to see if we fit.",
  "I work in English, Spanish and Portuguese.",
];
const LOCATIONS = ["Lisbon, Portugal", "Lagos, Nigeria", "Manila, Philippines", "Austin, USA", "Kraków, Poland", "Buenos Aires, Argentina", "Pune, India", "Toronto, Canada"];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(", ")}]`;

/**
 * Inserts `count` freelancers with profiles (generated column and GIN indexes kept by PostgreSQL),
 * deterministic for a count: 85% with an hourly rate, 60% with a Job Success Score, availability
 * 60/30/10, 1% suspended; one in five has been paid (1–3 payments of one client's contracts).
 */
export async function generateFreelancers(url: string, count: number, now: Date): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt", "suspendedAt", "suspendedReason")
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'talent-' || i || '@bench.test', 'Talent ' || i, 'FREELANCER',
              'bench: no sign-in', $2::timestamptz - make_interval(hours => i % 20000), $2::timestamptz,
              CASE WHEN abs(hashint4(i + 7)) % 100 = 0 THEN $2::timestamptz END, CASE WHEN abs(hashint4(i + 7)) % 100 = 0 THEN 'Bench' END
       FROM generate_series(1, $1::int) i`,
      [count, now],
    );
    await client.query(
      `WITH w AS (SELECT ${sqlArray(SKILLS)} sk, ${sqlArray(ROLES)} ro, ${sqlArray(ADJECTIVES)} adj, ${sqlArray(INDUSTRIES)} ind,
                         ${sqlArray(SENTENCES)} se, ${sqlArray(LOCATIONS)} loc),
       g AS (
         SELECT i, w.*, abs(hashint4(i)) h1, abs(hashint4(i + 1000003)) h2, abs(hashint4(i + 2000003)) h3, abs(hashint4(i + 3000017)) h4
         FROM generate_series(1, $1::int) i, w
       ),
       p AS (
         SELECT g.*, sk[1 + h1 % cardinality(sk)] s1, sk[1 + h2 % cardinality(sk)] s2, sk[1 + h3 % cardinality(sk)] s3, sk[1 + h4 % cardinality(sk)] s4,
                ro[1 + (h2 / 7) % cardinality(ro)] role, ind[1 + (h3 / 7) % cardinality(ind)] industry
         FROM g
       )
       INSERT INTO "FreelancerProfile" ("userId", title, overview, skills, "hourlyRateMinor", availability, location, "jobSuccessScore", "jobSuccessAt", "updatedAt")
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
              adj[1 + (h4 / 7) % cardinality(adj)] || ' ' || s1 || ' ' || role,
              'I work with ' || s1 || ', ' || s2 || ' and ' || s3 || ' for ' || industry || ' as a freelance ' || role || '. '
                || se[1 + h1 % cardinality(se)] || ' ' || se[1 + h3 % cardinality(se)],
              ARRAY(SELECT DISTINCT unnest((ARRAY[s1, s2, s3, s4])[1:2 + h1 % 3])),
              CASE WHEN h2 % 100 < 85 THEN (500 + (h3 / 13) % 196 * 500)::bigint END,
              (CASE WHEN h4 % 10 < 6 THEN 'FULL_TIME' WHEN h4 % 10 < 9 THEN 'PART_TIME' ELSE 'NOT_AVAILABLE' END)::"Availability",
              loc[1 + (h2 / 11) % cardinality(loc)],
              CASE WHEN h3 % 100 < 60 THEN 40 + (h1 / 17) % 61 END,
              CASE WHEN h3 % 100 < 60 THEN $2::timestamptz END,
              $2::timestamptz
       FROM p`,
      [count, now],
    );
    // Payments for one in five: one client, one contract each, 1–3 payments (what "has earnings" and the total read).
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt") VALUES ('00000000-0000-4000-9000-000000000001', 'talent-client@bench.test', 'Bench client', 'CLIENT', 'bench: no sign-in', $1, $1)`,
      [now],
    );
    await client.query(
      `INSERT INTO "Contract" (id, "clientId", "freelancerId", type, title, status, "feeSchedule", "clientFeeBps", "settingsVersion", "offeredAt", "offerExpiresAt", "startedAt")
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, '00000000-0000-4000-9000-000000000001',
              ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'FIXED', 'Bench contract', 'ACTIVE', '{}'::jsonb, 300, 0, $2, $2, $2
       FROM generate_series(1, $1::int) i WHERE abs(hashint4(i + 5)) % 5 = 0`,
      [count, now],
    );
    await client.query(
      `INSERT INTO "Payment" (id, "contractId", "clientId", "freelancerId", kind, "grossMinor", "feeMinor", "netMinor", "priorBilledMinor", "feeBands", "releasedAt", "availableAt")
       SELECT gen_random_uuid(), c.id, c."clientId", c."freelancerId", 'BONUS', 10000 + b * 1000, 2000, 8000 + b * 1000, 0, '[]'::jsonb, $1, $1
       FROM "Contract" c, LATERAL (SELECT get_byte(uuid_send(c."freelancerId"), 15) AS b) r, generate_series(1, 1 + r.b % 3) n
       WHERE c.title = 'Bench contract'`,
      [now],
    );
    await client.query("COMMIT");
    // As autovacuum leaves tables soon after a bulk insert: statistics and the visibility map.
    await client.query(`VACUUM ANALYZE "User", "FreelancerProfile", "Payment"`);
  } finally {
    await client.end();
  }
}

/** Varied talent searches: skills, roles and phrases, filters, both sorts and pages (deterministic). */
export function talentInputs(count: number, seed = 15): SearchFreelancersInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const inputs: SearchFreelancersInput[] = [];
  for (let i = 0; i < count; i++) {
    const input: SearchFreelancersInput = {};
    const shape = random();
    if (shape < 0.3) input.q = pick(SKILLS);
    else if (shape < 0.5) input.q = `${pick(SKILLS)} ${pick(ROLES)}`;
    else if (shape < 0.6) input.q = `"${pick(ADJECTIVES).toLowerCase()} ${pick(SKILLS)}"`;
    else if (shape < 0.7) input.q = `${pick(ROLES)} -${pick(SKILLS)}`;
    else if (shape < 0.75) input.q = `${pick(INDUSTRIES)} ${pick(SKILLS)}`;
    if (random() < 0.25) input.rateMinMinor = BigInt(pick([2_000, 5_000, 10_000]));
    if (random() < 0.25) input.rateMaxMinor = BigInt(pick([3_000, 8_000, 20_000]));
    if (random() < 0.3) input.minJobSuccess = pick([80, 90, 95]);
    if (random() < 0.25) input.skills = random() < 0.7 ? [pick(SKILLS)] : [pick(SKILLS), pick(SKILLS)];
    if (random() < 0.2) input.availability = pick(["FULL_TIME", "PART_TIME"] as const);
    if (random() < 0.2) input.hasEarnings = true;
    input.sort = input.q && random() < 0.6 ? "relevance" : "score";
    const page = random();
    input.page = page < 0.6 ? 1 : page < 0.9 ? 2 + Math.floor(random() * 4) : 10 + Math.floor(random() * 40);
    inputs.push(input);
  }
  return inputs;
}

export interface TalentStats {
  freelancers: number;
  calls: number;
  p50: number;
  p95: number;
  max: number;
  /** The slowest inputs, to see what to make faster. */
  slowest: { ms: number; input: SearchFreelancersInput; total: number }[];
}

/** Sequential searches through the read model (one at a time: latency, not throughput). */
export async function runTalentSearch(prisma: PrismaClient, inputs: readonly SearchFreelancersInput[]): Promise<TalentStats> {
  for (const input of inputs.slice(0, 20)) await searchFreelancers(prisma, input); // warm-up
  const samples: { ms: number; input: SearchFreelancersInput; total: number }[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    const result = await searchFreelancers(prisma, input);
    samples.push({ ms: performance.now() - t0, input, total: result.total });
  }
  const ms = samples.map((s) => s.ms);
  return {
    freelancers: await prisma.freelancerProfile.count(),
    calls: samples.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}
