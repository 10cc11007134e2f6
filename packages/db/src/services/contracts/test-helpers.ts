import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { JobType, PrismaClient } from "../../client";
import { SANDBOX_CARDS, SandboxGateway } from "../../gateway/sandbox";
import { checkInvariants, formatInvariantReport } from "../../ledger/invariants";
import { addPaymentMethod } from "../payments/add-payment-method";
import { acceptOffer } from "./accept-offer";
import { makeDirectOffer } from "./make-direct-offer";

/** Thursday 26 November 2026, 10:00 UTC. */
export const NOW = new Date("2026-11-26T10:00:00Z");
export const at = (iso: string) => new Date(iso);
export const key = () => `test-${randomUUID()}`;

/** A sandbox gateway that remembers every charge and refund it made. */
export class RecordingGateway extends SandboxGateway {
  charges: { amountMinor: bigint; idempotencyKey: string; ref: string }[] = [];
  refunds: { chargeRef: string; amountMinor: bigint; idempotencyKey: string }[] = [];

  override async charge(input: Parameters<SandboxGateway["charge"]>[0]) {
    const result = await super.charge(input);
    if (result.ok) this.charges.push({ amountMinor: input.amountMinor, idempotencyKey: input.idempotencyKey, ref: result.ref });
    return result;
  }

  override async refund(input: Parameters<SandboxGateway["refund"]>[0]) {
    const result = await super.refund(input);
    if (result.ok) this.refunds.push({ ...input });
    return result;
  }
}

let counter = 0;
export async function makeUser(prisma: PrismaClient, role: "CLIENT" | "FREELANCER" | "ADMIN", name = `${role.toLowerCase()} ${++counter}`) {
  const user = await prisma.user.create({
    data: { email: `${randomUUID()}@example.com`, name, role, passwordHash: "not-a-real-hash" },
    select: { id: true },
  });
  return user.id;
}

/** A client with a verified card (the sandbox's always-succeeding number). */
export async function makeVerifiedClient(prisma: PrismaClient, name?: string, card: string = SANDBOX_CARDS.succeeds) {
  const clientId = await makeUser(prisma, "CLIENT", name);
  await addPaymentMethod(prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, card: { number: card, expMonth: 12, expYear: 2030, cvc: "123" } });
  return clientId;
}

/** An open job inserted directly (the jobs area publishes them for real). */
export async function openJob(prisma: PrismaClient, clientId: string, type: JobType = "FIXED", extra: { auctionClosesAt?: Date } = {}) {
  const job = await prisma.job.create({
    data: {
      clientId,
      title: `A ${type.toLowerCase()} job`,
      description: "Build something",
      type,
      status: "OPEN",
      budgetMinor: type === "FIXED" ? 100_000n : null,
      hourlyMinMinor: type === "HOURLY" ? 2_000n : null,
      hourlyMaxMinor: type === "HOURLY" ? 6_000n : null,
      durationDays: 30,
      experienceLevel: "INTERMEDIATE",
      skills: ["typescript"],
      connectCost: 4,
      settingsVersion: 0,
      publishedAt: NOW,
      lastActivityAt: NOW,
      auctionClosesAt: extra.auctionClosesAt ?? new Date(NOW.getTime() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  return job.id;
}

/** A SUBMITTED proposal inserted directly (no connects: cost 0, as if invited). */
export async function submittedProposal(prisma: PrismaClient, jobId: string, freelancerId: string, bidMinor: bigint) {
  const proposal = await prisma.proposal.create({
    data: { jobId, freelancerId, coverLetter: "Hire me", bidMinor, connectCost: 0, invited: true, submittedAt: NOW },
    select: { id: true },
  });
  return proposal.id;
}

/** An active fixed-price contract made by a direct offer and accepted. */
export async function activeFixedContract(prisma: PrismaClient, input: { clientId: string; freelancerId: string; milestones: bigint[]; now?: Date }) {
  const now = input.now ?? NOW;
  const offer = await makeDirectOffer(prisma, {
    actorId: input.clientId,
    idempotencyKey: key(),
    now,
    freelancerId: input.freelancerId,
    title: "Fixed work",
    terms: { type: "FIXED", milestones: input.milestones.map((amountMinor, index) => ({ title: `Part ${index + 1}`, amountMinor })) },
  });
  await acceptOffer(prisma, { actorId: input.freelancerId, idempotencyKey: key(), now, contractId: offer.contractId });
  return offer;
}

/** RULES 7: every ledger invariant holds after the scenario. */
export async function expectLedgerHolds(prisma: PrismaClient) {
  const report = await checkInvariants(prisma);
  expect(report.ok, formatInvariantReport(report)).toBe(true);
}

export async function balance(prisma: PrismaClient, accountKey: string) {
  const account = await prisma.ledgerAccount.findUnique({ where: { key: accountKey }, select: { balanceMinor: true } });
  return account?.balanceMinor ?? 0n;
}
