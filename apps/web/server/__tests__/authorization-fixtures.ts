import { randomUUID } from "node:crypto";
import { clearPending, invoiceHourlyWeeks, SANDBOX_CARDS } from "@fairlance/db/services";
import { type PrismaClient, type Role } from "@fairlance/db";
import { COVER_LETTER, key, makeUser, type TestUser } from "@fairlance/db/testing";
import { anonymousCaller, callerFor } from "@/test/callers";
import { JOB } from "./marketplace-fixtures";
import { callerAt, days, T0 } from "./money-helpers";

/** The callers of the matrix: nobody, two of each role that owns things, and an admin. */
export const PEOPLE = ["anonymous", "client", "otherClient", "freelancer", "otherFreelancer", "admin"] as const;
export type Who = (typeof PEOPLE)[number];
export type Person = Exclude<Who, "anonymous">;
export type Member = Exclude<Person, "admin">;
export const ROLE: Record<Who, Role | null> = {
  anonymous: null,
  client: "CLIENT",
  otherClient: "CLIENT",
  freelancer: "FREELANCER",
  otherFreelancer: "FREELANCER",
  admin: "ADMIN",
};
export type Caller = ReturnType<typeof callerAt>;

/** Fixtures are made in the past so that, by T0 (when every call is made), money has cleared and methods are usable. */
const TWO_WEEKS_AGO = days(-14);
const LAST_WEEK = days(-7);
const THIS_MONDAY = days(-2);

export const MATRIX_TITLE = "Authorization matrix landing page";
const card = (number: string) => ({ number, expMonth: 12, expYear: 2035, cvc: "123" });

/** A session for an account that was deleted after signing in. */
function ghostCaller(prisma: PrismaClient): Caller {
  return callerFor(prisma, { id: randomUUID(), email: "ghost@test.local", name: "Ghost", role: "ADMIN" }, T0);
}

/**
 * One marketplace for the whole matrix: client A's published job with freelancer A's proposal and
 * messages on it, a draft job, a fixed contract between them whose first milestone was paid (so
 * freelancer A has Available earnings), an hourly contract with last week invoiced, cards for
 * everyone but the admin, connects and usable payout methods for both freelancers.
 */
export async function buildMarketplace(prisma: PrismaClient) {
  const users: Record<Person, TestUser> = {
    client: await makeUser(prisma, "CLIENT", { name: "Carol" }),
    otherClient: await makeUser(prisma, "CLIENT", { name: "Oscar" }),
    freelancer: await makeUser(prisma, "FREELANCER", { name: "Fran" }),
    otherFreelancer: await makeUser(prisma, "FREELANCER", { name: "Olga" }),
    admin: await makeUser(prisma, "ADMIN", { name: "Ada" }),
  };
  const at = (who: Person, when: Date = T0) => callerAt(prisma, users[who], when);
  const as: Record<Who, Caller> & { ghost: Caller } = {
    anonymous: anonymousCaller(prisma),
    client: at("client"),
    otherClient: at("otherClient"),
    freelancer: at("freelancer"),
    otherFreelancer: at("otherFreelancer"),
    admin: at("admin"),
    ghost: ghostCaller(prisma),
  };

  const cards = {} as Record<Member, string>;
  for (const who of ["client", "otherClient", "freelancer", "otherFreelancer"] as const) {
    cards[who] = (await at(who, TWO_WEEKS_AGO).paymentMethod.add({ idempotencyKey: key(), card: card(SANDBOX_CARDS.succeeds) })).id;
  }
  const payoutMethods = {} as Record<"freelancer" | "otherFreelancer", string>;
  for (const who of ["freelancer", "otherFreelancer"] as const) {
    await at("admin", TWO_WEEKS_AGO).admin.people.grantConnects({ idempotencyKey: key(), freelancerId: users[who].id, connects: 500, reason: "Authorization matrix" });
    payoutMethods[who] = (await at(who, TWO_WEEKS_AGO).payout.addMethod({ idempotencyKey: key(), kind: "PAYPAL", account: `${who}@paypal.test`, label: "PayPal" })).id;
  }

  const post = async (publish: boolean, when = T0) =>
    (await at("client", when).job.post({ ...JOB, title: MATRIX_TITLE, publish, idempotencyKey: key() })).jobId;
  const jobId = await post(true, TWO_WEEKS_AGO);
  const draftJobId = await post(false, TWO_WEEKS_AGO);
  const propose = async (onJob: string, who: "freelancer" | "otherFreelancer" = "freelancer", when = T0) =>
    (await at(who, when).proposal.submit({ jobId: onJob, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n })).proposalId;
  const proposalId = await propose(jobId, "freelancer", TWO_WEEKS_AGO);
  await at("freelancer", TWO_WEEKS_AGO).message.send({ proposalId, idempotencyKey: key(), body: "Happy to start next week." });
  await at("client", TWO_WEEKS_AGO).message.send({ proposalId, idempotencyKey: key(), body: "Thanks, we will decide soon." });

  const offer = async (type: "FIXED" | "HOURLY", when = T0) =>
    at("client", when).contract.offer({
      idempotencyKey: key(),
      freelancerId: users.freelancer.id,
      title: `Matrix ${type.toLowerCase()} contract`,
      terms: type === "FIXED" ? { type, milestones: [{ title: "Design", amountMinor: 100_000n }] } : { type, weeklyLimitHours: 40, hourlyRateMinor: 5_000n },
    });
  const activeContract = async (type: "FIXED" | "HOURLY" = "FIXED", when = T0) => {
    const offered = await offer(type, when);
    await at("freelancer", when).contract.accept({ idempotencyKey: key(), contractId: offered.contractId });
    return offered;
  };

  // The fixed contract: its first milestone paid two weeks ago and cleared last week.
  const fixed = await activeContract("FIXED", TWO_WEEKS_AGO);
  const paidMilestoneId = fixed.milestoneIds[0]!;
  await at("client", TWO_WEEKS_AGO).milestone.fund({ idempotencyKey: key(), milestoneId: paidMilestoneId });
  await at("freelancer", TWO_WEEKS_AGO).milestone.submit({ idempotencyKey: key(), milestoneId: paidMilestoneId, note: "Done" });
  await at("client", TWO_WEEKS_AGO).milestone.approve({ idempotencyKey: key(), milestoneId: paidMilestoneId });
  await clearPending(prisma, { now: LAST_WEEK });
  await at("freelancer", TWO_WEEKS_AGO).message.send({ contractId: fixed.contractId, idempotencyKey: key(), body: "The design is up." });

  // The hourly contract: two hours logged last week, invoiced this Monday, disputable until Friday.
  const hourly = await activeContract("HOURLY", TWO_WEEKS_AGO);
  await at("freelancer", LAST_WEEK).hourly.logTime({ idempotencyKey: key(), contractId: hourly.contractId, workedOn: LAST_WEEK, minutes: 120, memo: "Triage" });
  await invoiceHourlyWeeks(prisma, { now: THIS_MONDAY });
  const invoicedWeek = await prisma.hourlyWeek.findFirstOrThrow({ where: { contractId: hourly.contractId, status: "INVOICED" }, select: { id: true } });

  /** A milestone on the fixed contract, brought to the stage a case needs. */
  const milestone = async (stage: "created" | "funded" | "submitted" | "refund_requested") => {
    const { milestoneId } = await as.client.milestone.add({ idempotencyKey: key(), contractId: fixed.contractId, milestone: { title: "Extra", amountMinor: 20_000n } });
    if (stage !== "created") await as.client.milestone.fund({ idempotencyKey: key(), milestoneId });
    if (stage === "submitted") await as.freelancer.milestone.submit({ idempotencyKey: key(), milestoneId, note: "Ready" });
    if (stage === "refund_requested") await as.client.milestone.requestRefund({ idempotencyKey: key(), milestoneId, reason: "Plans changed" });
    return milestoneId;
  };
  /** An open dispute on a new submitted milestone, opened by `opener`; with a split `proposer` proposed when asked. */
  const dispute = async (options: { opener?: "client" | "freelancer"; proposal?: bigint; proposer?: "client" | "freelancer" } = {}) => {
    const milestoneId = await milestone("submitted");
    const { disputeId } = await as[options.opener ?? "client"].milestone.dispute({ idempotencyKey: key(), milestoneId, reason: "Not as agreed", statement: "The logo is missing.", links: [] });
    if (options.proposal !== undefined) await as[options.proposer ?? "freelancer"].dispute.propose({ idempotencyKey: key(), disputeId, releaseMinor: options.proposal });
    return disputeId;
  };

  return {
    prisma,
    users,
    as,
    cards,
    payoutMethods,
    jobId,
    draftJobId,
    proposalId,
    contractId: fixed.contractId,
    hourlyContractId: hourly.contractId,
    invoicedWeekId: invoicedWeek.id,
    /** Factories for the cases that use an object up: each call makes a new one at T0. */
    make: {
      job: () => post(true),
      draftJob: () => post(false),
      proposal: async () => propose(await post(true)),
      offer: () => offer("FIXED"),
      activeContract: () => activeContract(),
      milestone,
      dispute,
      freelancer: async () => makeUser(prisma, "FREELANCER"),
    },
  };
}
export type Marketplace = Awaited<ReturnType<typeof buildMarketplace>>;

/**
 * The whole public schema, table by table (row count and a hash of every row): a refused call
 * must leave every one of them as it was.
 */
const fingerprintQueries = new WeakMap<PrismaClient, string>();
export async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  let query = fingerprintQueries.get(prisma);
  if (!query) {
    const tables = await prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
    query = tables
      .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS hash FROM "${name}" t`)
      .join(" UNION ALL ");
    fingerprintQueries.set(prisma, query);
  }
  const rows = await prisma.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(query);
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows} rows, ${row.hash}`]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same input with every id swapped for one that exists nowhere. */
export function withMissingIds<T>(value: T): T {
  if (typeof value === "string") return (UUID.test(value) ? randomUUID() : value) as T;
  if (Array.isArray(value)) return value.map(withMissingIds) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withMissingIds(item)])) as T;
  }
  return value;
}

/**
 * The test database has no job queue (the runner installs graphile-worker's schema when it
 * starts). clock.advance hands each day to the queue, so the matrix gives it a stand-in with the
 * one function and the one view the web server uses; the queue itself is tested with the runner.
 */
export async function installQueueStandIn(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS graphile_worker`);
  await prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS graphile_worker.jobs (id bigserial PRIMARY KEY, task_identifier text NOT NULL, payload json, queue_name text, run_at timestamptz, max_attempts int NOT NULL, job_key text UNIQUE, attempts int NOT NULL DEFAULT 0)`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION graphile_worker.add_job(identifier text, payload json, queue_name text, run_at timestamptz, max_attempts int, job_key text, priority int, flags text[], job_key_mode text)
     RETURNS void LANGUAGE sql AS $$
       INSERT INTO graphile_worker.jobs (task_identifier, payload, queue_name, run_at, max_attempts, job_key)
       VALUES ($1, $2, $3, coalesce($4, now()), $5, $6) ON CONFLICT (job_key) DO NOTHING
     $$`,
  );
}
