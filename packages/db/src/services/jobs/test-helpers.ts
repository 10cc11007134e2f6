import { randomUUID } from "node:crypto";
import { addDays, connectBalance } from "@fairlance/rules";
import type { PrismaClient, Role } from "../../client";
import { issueLot } from "../../connects/connect-ledger";
import { runTransaction } from "../../transaction";
import { expect } from "vitest";
import { checkInvariants } from "../../ledger/invariants";
import { postJob } from "./post-job";

/** A fresh idempotency key. */
export const newKey = () => `test-${randomUUID()}`;

export async function makeUser(prisma: PrismaClient, role: Role, name = role.toLowerCase(), createdAt?: Date): Promise<string> {
  const user = await prisma.user.create({
    data: { email: `${name}-${randomUUID()}@example.com`, name, role, passwordHash: "not-a-real-hash", ...(createdAt ? { createdAt } : {}) },
    select: { id: true },
  });
  return user.id;
}

/** Gives a freelancer a lot of connects directly (as an admin grant would). */
export async function grantConnects(prisma: PrismaClient, userId: string, connects: number, now: Date, expiresAt = addDays(now, 365)): Promise<string> {
  return runTransaction(prisma, (tx) =>
    issueLot(tx, { userId, key: `test-grant:${randomUUID()}`, now, reason: "admin_grant", note: "test", source: "ADMIN_GRANT", connects, expiresAt }),
  );
}

export async function freelancerWithConnects(prisma: PrismaClient, connects: number, now: Date, name = "freelancer"): Promise<string> {
  const id = await makeUser(prisma, "FREELANCER", name);
  if (connects > 0) await grantConnects(prisma, id, connects, now);
  return id;
}

/** The usable connects balance at `now`. */
export async function connectsOf(prisma: PrismaClient, userId: string, now: Date): Promise<number> {
  const lots = await prisma.connectLot.findMany({ where: { userId }, select: { id: true, expiresAt: true, remaining: true } });
  return connectBalance(lots, now);
}

/** A published fixed-price job: $1,000 over 60 days costs 6 connects with the default rate card. */
export async function openJob(
  prisma: PrismaClient,
  clientId: string,
  now: Date,
  overrides: Partial<Parameters<typeof postJob>[1]> = {},
): Promise<string> {
  const job = await postJob(prisma, {
    actorId: clientId,
    now,
    idempotencyKey: newKey(),
    title: "Build a landing page",
    description: "A responsive landing page for our product launch.",
    type: "FIXED",
    budgetMinor: 100_000n,
    durationDays: 60,
    experienceLevel: "INTERMEDIATE",
    skills: ["react", "css"],
    publish: true,
    ...overrides,
  });
  return job.jobId;
}

export const COVER_LETTER = "I have built many landing pages like this one.";

/** RULES 7: every invariant of the ledgers holds after each scenario. */
export async function expectLedgerInvariants(prisma: PrismaClient): Promise<void> {
  const report = await checkInvariants(prisma);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}
