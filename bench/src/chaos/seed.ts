import { randomUUID } from "node:crypto";
import { acceptOffer, addPaymentMethod, addPayoutMethod, clearPending, hireProposal, payBonus, postJob, SANDBOX_CARDS, signUp, submitProposal } from "@fairlance/db/services";
import { type PrismaClient } from "@fairlance/db";
import { accountKey } from "@fairlance/rules";
import { key } from "@fairlance/db/testing";

export const CHAOS_PASSWORD = "chaos-run-password";
const DAY_MS = 86_400_000;

export interface SeededPair {
  index: number;
  client: { id: string; email: string; cardId: string };
  freelancer: { id: string; email: string; cardId: string; payoutMethodId: string };
  /** An active fixed-price contract between the two, where milestones are added during the run. */
  contractId: string;
}

/** Row ids and key counts as they were before the load, so the verification knows what the load made. */
export interface Baseline {
  lastTransferId: bigint;
  lastConnectEntryId: bigint;
  idempotencyKeys: Set<string>;
  paymentIds: Set<string>;
  chargeIds: Set<string>;
  proposalIds: Set<string>;
  milestoneIds: Set<string>;
  purchaseIds: Set<string>;
  withdrawalIds: Set<string>;
  /** Connects balance of each freelancer, and pending + available money. */
  connects: Map<string, number>;
  earnings: Map<string, bigint>;
}

export interface Seeded {
  pairs: SeededPair[];
  /** Open jobs for the freelancers' proposals (each freelancer proposes once per job). */
  jobIds: string[];
}

const CARD = { expMonth: 12, expYear: 2035, cvc: "123" };

const JOB_SHAPES = [
  { budgetMinor: 4_000n, durationDays: 1 },
  { budgetMinor: 30_000n, durationDays: 5 },
  { budgetMinor: 100_000n, durationDays: 60 },
] as const;

/**
 * The actors of the run, made directly through the services (not timed, not under chaos):
 * per virtual user a client with a card and a freelancer with a card and a payout method,
 * hired on an active contract ten days ago and paid a cleared bonus, so there is money to
 * withdraw from the start; plus open jobs for proposals.
 */
export async function seedActors(prisma: PrismaClient, input: { users: number; jobsPerClient: number; now: Date }): Promise<Seeded> {
  const { now } = input;
  const past = new Date(now.getTime() - 10 * DAY_MS);
  const run = randomUUID().slice(0, 8);
  const pairs: SeededPair[] = [];
  const jobIds: string[] = [];
  for (let index = 0; index < input.users; index++) {
    // Seeding, not requests from the network: an address per virtual user keeps the sign-up throttle out of it.
    const ip = `chaos-seed:${run}:${index}`;
    const client = await signUp(prisma, { email: `chaos-client-${index}-${run}@chaos.test`, name: `Chaos Client ${index}`, password: CHAOS_PASSWORD, role: "CLIENT", ip, now: past }, { emailVerified: true });
    const freelancer = await signUp(prisma, { email: `chaos-freelancer-${index}-${run}@chaos.test`, name: `Chaos Freelancer ${index}`, password: CHAOS_PASSWORD, role: "FREELANCER", ip, now: past }, { emailVerified: true });
    const clientCard = await addPaymentMethod(prisma, { actorId: client.id, idempotencyKey: key("chaos-seed-card"), now: past, card: { number: SANDBOX_CARDS.succeeds, ...CARD } });
    const freelancerCard = await addPaymentMethod(prisma, { actorId: freelancer.id, idempotencyKey: key("chaos-seed-card"), now: past, card: { number: SANDBOX_CARDS.succeeds, ...CARD } });
    const payout = await addPayoutMethod(prisma, { actorId: freelancer.id, idempotencyKey: key("chaos-seed-payout-method"), now: past, kind: "ACH", account: `00012345${index}9`, label: "Bank" });

    const job = await postJob(prisma, {
      actorId: client.id,
      idempotencyKey: key("chaos-seed-job"),
      now: past,
      publish: true,
      title: `Chaos contract ${index}`,
      description: "Ongoing work, paid by milestones added as it goes.",
      type: "FIXED",
      budgetMinor: 100_000n,
      durationDays: 60,
      experienceLevel: "INTERMEDIATE",
      skills: ["typescript"],
    });
    const proposal = await submitProposal(prisma, {
      actorId: freelancer.id,
      idempotencyKey: key("chaos-seed-proposal"),
      now: past,
      jobId: job.jobId,
      coverLetter: "I will do this work carefully and on time, milestone by milestone.",
      bidMinor: 100_000n,
    });
    const offer = await hireProposal(prisma, {
      actorId: client.id,
      idempotencyKey: key("chaos-seed-hire"),
      now: past,
      proposalId: proposal.proposalId,
      terms: { type: "FIXED", milestones: [{ title: "Kick-off", amountMinor: 5_000n }] },
    });
    await acceptOffer(prisma, { actorId: freelancer.id, idempotencyKey: key("chaos-seed-accept"), now: past, contractId: offer.contractId });
    await payBonus(prisma, { actorId: client.id, idempotencyKey: key("chaos-seed-bonus"), now: past, contractId: offer.contractId, amountMinor: 20_000n, note: "Welcome bonus" });

    pairs.push({
      index,
      client: { id: client.id, email: client.email, cardId: clientCard.id },
      freelancer: { id: freelancer.id, email: freelancer.email, cardId: freelancerCard.id, payoutMethodId: payout.id },
      contractId: offer.contractId,
    });

    for (let j = 0; j < input.jobsPerClient; j++) {
      const shape = JOB_SHAPES[j % JOB_SHAPES.length]!;
      const posted = await postJob(prisma, {
        actorId: client.id,
        idempotencyKey: key("chaos-seed-job"),
        now,
        publish: true,
        title: `Chaos job ${index}.${j}`,
        description: "A small piece of work for the chaos run's freelancers to propose on.",
        type: "FIXED",
        ...shape,
        experienceLevel: "ENTRY",
        skills: ["testing"],
      });
      jobIds.push(posted.jobId);
    }
  }
  // The bonuses were paid ten days ago: their security period is over.
  await clearPending(prisma, { now });
  return { pairs, jobIds };
}

export async function takeBaseline(prisma: PrismaClient, pairs: readonly SeededPair[]): Promise<Baseline> {
  const ids = async (rows: Promise<{ id: string }[]>) => new Set((await rows).map((row) => row.id));
  const [lastTransfer, lastEntry] = await Promise.all([
    prisma.ledgerTransfer.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    prisma.connectEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  const connects = new Map<string, number>();
  const earnings = new Map<string, bigint>();
  for (const { freelancer } of pairs) {
    const lots = await prisma.connectLot.aggregate({ where: { userId: freelancer.id }, _sum: { remaining: true } });
    connects.set(freelancer.id, lots._sum.remaining ?? 0);
    earnings.set(freelancer.id, await earningsOf(prisma, freelancer.id));
  }
  return {
    lastTransferId: lastTransfer?.id ?? 0n,
    lastConnectEntryId: lastEntry?.id ?? 0n,
    idempotencyKeys: new Set((await prisma.idempotencyRecord.findMany({ select: { key: true } })).map((row) => row.key)),
    paymentIds: await ids(prisma.payment.findMany({ select: { id: true } })),
    chargeIds: await ids(prisma.charge.findMany({ select: { id: true } })),
    proposalIds: await ids(prisma.proposal.findMany({ select: { id: true } })),
    milestoneIds: await ids(prisma.milestone.findMany({ select: { id: true } })),
    purchaseIds: await ids(prisma.connectPurchase.findMany({ select: { id: true } })),
    withdrawalIds: await ids(prisma.withdrawal.findMany({ select: { id: true } })),
    connects,
    earnings,
  };
}

/** Pending + Available: what a freelancer has earned and not withdrawn. */
export async function earningsOf(prisma: PrismaClient, freelancerId: string): Promise<bigint> {
  const accounts = await prisma.ledgerAccount.findMany({
    where: { key: { in: [accountKey({ kind: "freelancer_pending", userId: freelancerId }), accountKey({ kind: "freelancer_available", userId: freelancerId })] } },
    select: { balanceMinor: true },
  });
  return accounts.reduce((sum, account) => sum + account.balanceMinor, 0n);
}
