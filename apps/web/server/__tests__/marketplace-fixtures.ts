import { adminGrantConnects, postJob } from "@fairlance/db/services";
import { type PrismaClient } from "@fairlance/db";
import { addCard, key, makeUser } from "@fairlance/db/testing";
import { callerFor } from "@/test/callers";

/** A $1,000 fixed-price job over 60 days: 6 connects with the default rate card. */
export const JOB = {
  title: "Build a landing page",
  description: "A responsive landing page for our product launch next month.",
  type: "FIXED" as const,
  budgetMinor: 100_000n,
  durationDays: 60,
  experienceLevel: "INTERMEDIATE" as const,
  skills: ["react", "css"],
};

/** Two clients, two freelancers and an admin, each with a tRPC caller. */
export async function people(prisma: PrismaClient) {
  const users = {
    client: await makeUser(prisma, "CLIENT"),
    otherClient: await makeUser(prisma, "CLIENT"),
    freelancer: await makeUser(prisma, "FREELANCER"),
    otherFreelancer: await makeUser(prisma, "FREELANCER"),
    admin: await makeUser(prisma, "ADMIN"),
  };
  const callers = Object.fromEntries(Object.entries(users).map(([name, user]) => [name, callerFor(prisma, user)])) as {
    [name in keyof typeof users]: ReturnType<typeof callerFor>;
  };
  const grant = (freelancerId: string, connects: number) =>
    adminGrantConnects(prisma, { actorId: users.admin.id, idempotencyKey: key(), now: new Date(), freelancerId, connects, reason: "test grant" });
  const job = async (clientId = users.client.id, publish = true, overrides: Partial<typeof JOB> = {}) =>
    (await postJob(prisma, { ...JOB, ...overrides, publish, actorId: clientId, now: new Date(), idempotencyKey: key() })).jobId;
  const card = async (userId: string) => (await addCard(prisma, userId)).id;
  return { users, callers, grant, job, card };
}
