// Scenario builders shared by more than one folder of tests (a builder used by one folder
// lives beside its tests). Each makes a piece of a marketplace the way the app would.
import { addDays, availableAt, computeServiceFee, DEFAULT_SETTINGS, fundEscrowEntries, releaseEscrowEntries, settingValueToJson } from "@fairlance/rules";
import type { Prisma, PrismaClient } from "../client";
import { issueLot } from "../connects/connect-ledger";
import { SANDBOX_CARDS, SANDBOX_VERIFICATION_CODE } from "../gateway/sandbox";
import { postTransfers, type TransferContext } from "../ledger/post-transfers";
import { acceptOffer } from "../services/contracts/accept-offer";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { postJob } from "../services/jobs/post-job";
import { addPaymentMethod } from "../services/payments/add-payment-method";
import { verifyPaymentMethod } from "../services/payments/verify-payment-method";
import { signUp } from "../services/sign-up";
import { runTransaction } from "../transaction";
import { key } from "./keys";
import { makeUser, type TestUser, type UserOptions } from "./users";

/** Thursday 26 November 2026, 10:00 UTC: the services tests' "now" unless they move it. */
export const NOW = new Date("2026-11-26T10:00:00Z");

/** `date` plus `n` whole days (the rules' addDays). */
export const days = addDays;

export const COVER_LETTER = "I have built many landing pages like this one.";

/** The balance of a ledger account by its key (0 for an account not opened yet). */
export async function ledgerBalance(prisma: PrismaClient, accountKey: string): Promise<bigint> {
  return (await prisma.ledgerAccount.findUnique({ where: { key: accountKey }, select: { balanceMinor: true } }))?.balanceMinor ?? 0n;
}

/**
 * A sandbox card of `userId`, added through addPaymentMethod (the succeeding number unless
 * said otherwise); `verify` completes the sandbox's verification step for a card that needs it.
 */
export async function addCard(
  prisma: PrismaClient,
  userId: string,
  options: { card?: keyof typeof SANDBOX_CARDS; verify?: boolean; now?: Date } = {},
): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  const number = SANDBOX_CARDS[options.card ?? "succeeds"];
  const method = await addPaymentMethod(prisma, { actorId: userId, idempotencyKey: key("card"), now, card: { number, expMonth: 12, expYear: 2030, cvc: "123" } });
  if (options.verify && method.status === "REQUIRES_VERIFICATION") {
    await verifyPaymentMethod(prisma, { actorId: userId, idempotencyKey: key("verify"), now, paymentMethodId: method.id, code: SANDBOX_VERIFICATION_CODE });
  }
  return { id: method.id };
}

/** A client with a verified card (the sandbox's always-succeeding number unless `card` says otherwise), added at `now` (NOW). */
export async function makeVerifiedClient(
  prisma: PrismaClient,
  options: UserOptions & { card?: keyof typeof SANDBOX_CARDS; now?: Date } = {},
): Promise<TestUser> {
  const { card, now = NOW, ...user } = options;
  const client = await makeUser(prisma, "CLIENT", user);
  await addCard(prisma, client.id, { card, now });
  return client;
}

/**
 * A person made through the sign-up service (a hashed password, the SIGNUP connects of a
 * freelancer, the email confirmed), as the scenarios need; each gets an address of their own, so the throttle never applies.
 */
export async function signedUpPerson(prisma: PrismaClient, role: "CLIENT" | "FREELANCER", name: string, now: Date): Promise<string> {
  const email = `${name.toLowerCase()}-${key("person")}@scenario.test`;
  const user = await signUp(prisma, { email, name, password: "scenario password", role, ip: `scenario:${email}`, now }, { emailVerified: true });
  return user.id;
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

/** Gives a freelancer a lot of connects directly (as an admin grant would); returns the lot's id. */
export async function grantConnects(prisma: PrismaClient, userId: string, connects: number, now: Date, expiresAt = addDays(now, 365)): Promise<string> {
  return runTransaction(prisma, (tx) =>
    issueLot(tx, { userId, key: key("test-grant"), now, reason: "admin_grant", note: "test", source: "ADMIN_GRANT", connects, expiresAt }),
  );
}

/** A freelancer holding `connects` connects (none: no lot). */
export async function freelancerWithConnects(prisma: PrismaClient, connects: number, now: Date, options: UserOptions = {}): Promise<TestUser> {
  const freelancer = await makeUser(prisma, "FREELANCER", options);
  if (connects > 0) await grantConnects(prisma, freelancer.id, connects, now);
  return freelancer;
}

/** A published fixed-price job: $1,000 over 60 days costs 6 connects with the default rate card. */
export async function openJob(prisma: PrismaClient, clientId: string, now: Date, overrides: Partial<Parameters<typeof postJob>[1]> = {}): Promise<string> {
  const job = await postJob(prisma, {
    actorId: clientId,
    now,
    idempotencyKey: key(),
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

let earned = 0;
/** Numbering from 1 again: vitest-setup.ts calls it before each test file (the files share this module). */
export function restartContractNumbering() {
  earned = 0;
}
/**
 * Money a freelancer earned from a client: a funded and approved milestone, released into
 * Pending with the tiered fee, exactly as the contract services record it (to test what
 * happens to the money afterwards).
 */
export async function earn(prisma: PrismaClient, input: { clientId: string; freelancerId: string; grossMinor: bigint; now: Date }) {
  return prisma.$transaction(async (tx) => {
    const contract = await tx.contract.create({
      data: {
        clientId: input.clientId,
        freelancerId: input.freelancerId,
        type: "FIXED",
        title: `Test contract ${++earned}`,
        status: "ACTIVE",
        feeSchedule: settingValueToJson(DEFAULT_SETTINGS.feeSchedule) as Prisma.InputJsonValue,
        clientFeeBps: DEFAULT_SETTINGS.clientFeeBps,
        settingsVersion: 0,
        offeredAt: input.now,
        offerExpiresAt: input.now,
        startedAt: input.now,
      },
    });
    const milestone = await tx.milestone.create({
      data: { contractId: contract.id, position: 1, title: "Work", amountMinor: input.grossMinor, status: "APPROVED", fundedAt: input.now, approvedAt: input.now },
    });
    const escrow = { kind: "escrow_milestone" as const, milestoneId: milestone.id };
    const billing = await tx.billing.upsert({
      where: { clientId_freelancerId: { clientId: input.clientId, freelancerId: input.freelancerId } },
      create: { clientId: input.clientId, freelancerId: input.freelancerId },
      update: {},
    });
    const fee = computeServiceFee({ priorBilledMinor: billing.billedMinor, amountMinor: input.grossMinor });
    const context: Omit<TransferContext, "key"> = { operation: "test.earn", now: input.now, contractId: contract.id, milestoneId: milestone.id };
    await postTransfers(tx, fundEscrowEntries({ clientId: input.clientId, escrow, amountMinor: input.grossMinor, clientFeeMinor: 0n }), { ...context, key: `test.earn:fund:${milestone.id}` });
    await postTransfers(tx, releaseEscrowEntries({ escrow, freelancerId: input.freelancerId, amountMinor: input.grossMinor, serviceFeeMinor: fee.feeMinor }), {
      ...context,
      key: `test.earn:release:${milestone.id}`,
    });
    await tx.billing.update({
      where: { clientId_freelancerId: { clientId: input.clientId, freelancerId: input.freelancerId } },
      data: { billedMinor: { increment: input.grossMinor } },
    });
    return tx.payment.create({
      data: {
        contractId: contract.id,
        clientId: input.clientId,
        freelancerId: input.freelancerId,
        kind: "MILESTONE",
        milestoneId: milestone.id,
        grossMinor: input.grossMinor,
        feeMinor: fee.feeMinor,
        netMinor: fee.netMinor,
        priorBilledMinor: billing.billedMinor,
        feeBands: [],
        releasedAt: input.now,
        availableAt: availableAt(input.now),
      },
    });
  });
}
