// The people and jobs of the proposal load, made the way the app makes them:
// one freelancer signs up through the service (so the password hash is the
// project's argon2id, computed once), the others are made by the test fixtures' user
// factory with that hash;
// connects come from the admin grant service, jobs from `postJob`.
import { adminGrantConnects, postJob, signUp } from "@fairlance/db/services";
import { type PrismaClient } from "@fairlance/db";
import { key, makeUser } from "@fairlance/db/testing";
import { mapLimit } from "./util";

export const BENCH_PASSWORD = "bench-password-0001";

export interface Person {
  id: string;
  email: string;
}

export interface Population {
  admin: Person;
  clients: Person[];
  /** The freelancers of the load. */
  freelancers: Person[];
  /** Jobs of the load (all with the same connect cost). */
  jobs: string[];
  /** The hot account: one freelancer, `hotJobs` to propose on, a balance of exactly `hotK` proposals. */
  hot: Person;
  hotJobs: string[];
  hotK: number;
  /** Connects one proposal costs (every job of the load is priced the same). */
  jobCost: number;
}

async function insertUsers(prisma: PrismaClient, role: "ADMIN" | "CLIENT" | "FREELANCER", emails: string[], passwordHash: string, now: Date): Promise<Person[]> {
  return mapLimit(emails, 4, async (email) => {
    const user = await makeUser(prisma, role, { email, name: email.split("@")[0]!, passwordHash, createdAt: now });
    return { id: user.id, email: user.email };
  });
}

const TITLES = ["Landing page for a bakery", "Shopify store tweaks", "Logo for a bike shop", "Python data cleanup", "React dashboard fixes", "Copy for an app store page"];

export async function seedPopulation(
  prisma: PrismaClient,
  sizes: { freelancers: number; jobs: number; connectsEach: number; hotRequests: number; hotK: number },
  now: Date,
  log: (line: string) => void,
): Promise<Population> {
  const first = await signUp(prisma, { email: "freelancer-0000@bench.test", name: "Freelancer 0", password: BENCH_PASSWORD, role: "FREELANCER", ip: "bench-seed", now }, { emailVerified: true });
  const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: first.id }, select: { passwordHash: true } });
  const pad = (n: number) => String(n).padStart(4, "0");
  const [admin] = await insertUsers(prisma, "ADMIN", ["admin@bench.test"], passwordHash, now);
  const clients = await insertUsers(prisma, "CLIENT", Array.from({ length: 10 }, (_, i) => `client-${pad(i)}@bench.test`), passwordHash, now);
  const others = await insertUsers(
    prisma,
    "FREELANCER",
    Array.from({ length: sizes.freelancers - 1 }, (_, i) => `freelancer-${pad(i + 1)}@bench.test`),
    passwordHash,
    now,
  );
  const freelancers = [{ id: first.id, email: first.email }, ...others];
  const [hot] = await insertUsers(prisma, "FREELANCER", ["hot@bench.test"], passwordHash, now);
  log(`[bench] ${freelancers.length + 1} freelancers, ${clients.length} clients, 1 admin`);

  const post = (i: number) =>
    postJob(prisma, {
      actorId: clients[i % clients.length]!.id,
      now,
      idempotencyKey: key("bench"),
      title: `${TITLES[i % TITLES.length]} #${i}`,
      description: "A small, well-defined piece of work with a clear brief, a fixed budget and a friendly client.",
      type: "FIXED",
      budgetMinor: 30_000n, // $300 over 10 days: 4 connects with the default rate card
      durationDays: 10,
      experienceLevel: "INTERMEDIATE",
      skills: ["web", "design"],
      publish: true,
    });
  const posted = await mapLimit(
    Array.from({ length: sizes.jobs + sizes.hotRequests }, (_, i) => i),
    4,
    post,
  );
  const costs = new Set(posted.map((job) => job.connectCost));
  if (costs.size !== 1) throw new Error(`the load's jobs should all cost the same, got ${[...costs].join(", ")}`);
  const jobCost = posted[0]!.connectCost!;
  log(`[bench] ${posted.length} jobs posted through postJob (${jobCost} connects each)`);

  const grant = (freelancerId: string, connects: number) =>
    adminGrantConnects(prisma, { actorId: admin!.id, idempotencyKey: key("bench"), now, freelancerId, connects, reason: "Benchmark allowance" });
  await mapLimit(freelancers, 4, (f) => grant(f.id, sizes.connectsEach));
  await grant(hot!.id, sizes.hotK * jobCost);
  log(`[bench] connects granted through adminGrantConnects (${sizes.connectsEach} each; the hot account ${sizes.hotK * jobCost})`);

  return {
    admin: admin!,
    clients,
    freelancers,
    jobs: posted.slice(0, sizes.jobs).map((job) => job.jobId),
    hot: hot!,
    hotJobs: posted.slice(sizes.jobs).map((job) => job.jobId),
    hotK: sizes.hotK,
    jobCost,
  };
}
