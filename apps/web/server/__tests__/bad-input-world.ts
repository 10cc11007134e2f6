import { clearPending, invoiceHourlyWeeks, SANDBOX_CARDS } from "@fairlance/db/services";
import { type PrismaClient } from "@fairlance/db";
import { COVER_LETTER, key, makeUser, makeVerifiedClient, type TestUser } from "@fairlance/db/testing";
import { JOB } from "./marketplace-fixtures";
import { callerAt, days, T0 } from "./money-helpers";

const CARD = { number: SANDBOX_CARDS.succeeds, expMonth: 12, expYear: 2035, cvc: "123" };

/** Tuesday 1 December 2026: the time of every request the bad-input tests send. */
export const NOW = days(6);

/**
 * A small marketplace in every state the money procedures act on, made through the API at
 * T0 … NOW: clients with cards, freelancers with connects, payout methods, available and
 * pending money, jobs (open, draft), proposals, offered and active contracts with milestones
 * created, funded and approved, and an invoiced hourly week.
 */
export async function buildWorld(prisma: PrismaClient) {
  const people = {
    client: await makeVerifiedClient(prisma, { now: T0 }),
    otherClient: await makeVerifiedClient(prisma, { now: T0 }),
    freelancer: await makeUser(prisma, "FREELANCER", { name: "Fran" }),
    otherFreelancer: await makeUser(prisma, "FREELANCER", { name: "Otto" }),
    brokeFreelancer: await makeUser(prisma, "FREELANCER", { name: "Bea" }),
    admin: await makeUser(prisma, "ADMIN"),
  };
  const { client, otherClient, freelancer, otherFreelancer, admin } = people;
  const as = (who: TestUser, now = T0) => callerAt(prisma, who, now);

  for (const who of [freelancer, otherFreelancer]) {
    await as(admin).admin.people.grantConnects({ idempotencyKey: key(), freelancerId: who.id, connects: 100, reason: "test grant" });
  }
  const cardOf = async (who: TestUser) => (await as(who).paymentMethod.list()).methods[0]!.id;
  const clientCard = await cardOf(client);
  const otherClientCard = await cardOf(otherClient);
  const freelancerCard = (await as(freelancer).paymentMethod.add({ idempotencyKey: key(), card: CARD })).id;
  const unverifiedCard = (await as(client).paymentMethod.add({ idempotencyKey: key(), card: { ...CARD, number: SANDBOX_CARDS.requiresVerification } })).id;
  const otherUnverifiedCard = (await as(otherClient).paymentMethod.add({ idempotencyKey: key(), card: { ...CARD, number: SANDBOX_CARDS.requiresVerification } })).id;

  const post = async (who: TestUser, publish = true) => (await as(who).job.post({ ...JOB, idempotencyKey: key(), publish })).jobId;
  const jobs = {
    open: await post(client),
    openUnproposed: await post(client),
    toClose: await post(client),
    draft: await post(client, false),
    otherDraft: await post(otherClient, false),
    otherOpen: await post(otherClient),
  };
  const propose = async (who: TestUser, jobId: string) =>
    (await as(who).proposal.submit({ idempotencyKey: key(), jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n })).proposalId;
  const proposals = {
    mine: await propose(freelancer, jobs.open),
    other: await propose(otherFreelancer, jobs.open),
    onOtherClientsJob: await propose(freelancer, jobs.otherOpen),
    withdrawn: await propose(freelancer, jobs.toClose),
  };
  await as(freelancer).proposal.withdraw({ idempotencyKey: key(), proposalId: proposals.withdrawn });

  const offer = async (from: TestUser, to: TestUser, milestones: bigint[]) =>
    as(from).contract.offer({
      idempotencyKey: key(),
      freelancerId: to.id,
      title: "Website",
      terms: { type: "FIXED", milestones: milestones.map((amountMinor, i) => ({ title: `Part ${i + 1}`, amountMinor })) },
    });
  // Fran's contract with the client: $1,000 approved (available by NOW), $500 approved at T0+5
  // (pending until T0+10), $200 funded, twice $200 not funded.
  const fixed = await offer(client, freelancer, [100_000n, 50_000n, 20_000n, 20_000n, 20_000n]);
  await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: fixed.contractId });
  const [approved, pendingPaid, funded, unfunded, unfundedToo] = fixed.milestoneIds as [string, string, string, string, string];
  for (const milestoneId of [approved, pendingPaid, funded]) await as(client).milestone.fund({ idempotencyKey: key(), milestoneId });
  await as(client).milestone.approve({ idempotencyKey: key(), milestoneId: approved });
  await clearPending(prisma, { now: days(5) });
  await as(client, days(5)).milestone.approve({ idempotencyKey: key(), milestoneId: pendingPaid });

  // A contract whose first milestone is in dispute (the freelancer proposed $200 of its $400) and
  // whose second has an unanswered refund request.
  const disputedContract = await offer(client, freelancer, [40_000n, 40_000n]);
  await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: disputedContract.contractId });
  const [inDispute, refundRequested] = disputedContract.milestoneIds as [string, string];
  for (const milestoneId of [inDispute, refundRequested]) await as(client).milestone.fund({ idempotencyKey: key(), milestoneId });
  await as(freelancer).milestone.submit({ idempotencyKey: key(), milestoneId: inDispute, note: "Done" });
  const { disputeId } = await as(client).milestone.dispute({ idempotencyKey: key(), milestoneId: inDispute, reason: "Not as agreed", statement: "The logo is missing.", links: [] });
  await as(freelancer).dispute.propose({ idempotencyKey: key(), disputeId, releaseMinor: 20_000n });
  await as(client).milestone.requestRefund({ idempotencyKey: key(), milestoneId: refundRequested, reason: "Plans changed" });

  const offered = await offer(client, freelancer, [30_000n]);
  const otherOffered = await offer(client, otherFreelancer, [30_000n]);
  // Otto's contract with the other client: $300 approved at T0+5, so Otto has only pending money.
  const others = await offer(otherClient, otherFreelancer, [30_000n, 30_000n]);
  await as(otherFreelancer).contract.accept({ idempotencyKey: key(), contractId: others.contractId });
  for (const milestoneId of others.milestoneIds) await as(otherClient).milestone.fund({ idempotencyKey: key(), milestoneId });
  await as(otherClient, days(5)).milestone.approve({ idempotencyKey: key(), milestoneId: others.milestoneIds[0]! });

  // Hourly: an hour logged in the week of T0, invoiced on Monday 30 November; disputable on NOW.
  const hourlyOffer = { type: "HOURLY" as const, weeklyLimitHours: 10, hourlyRateMinor: 5_000n };
  const hourly = await as(client).contract.offer({ idempotencyKey: key(), freelancerId: freelancer.id, title: "Support", terms: hourlyOffer });
  await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: hourly.contractId });
  const otherHourly = await as(otherClient).contract.offer({ idempotencyKey: key(), freelancerId: otherFreelancer.id, title: "Support", terms: hourlyOffer });
  await as(otherFreelancer).contract.accept({ idempotencyKey: key(), contractId: otherHourly.contractId });
  for (const [who, contractId] of [[freelancer, hourly.contractId], [otherFreelancer, otherHourly.contractId]] as const) {
    await as(who).hourly.logTime({ idempotencyKey: key(), contractId, workedOn: T0, minutes: 60, memo: "Triage" });
  }
  await invoiceHourlyWeeks(prisma, { now: new Date("2026-11-30T00:00:00Z") });
  const weekOf = async (who: TestUser, contractId: string) => (await as(who, NOW).contract.get({ contractId })).hourlyWeeks[0]!.id;
  const weeks = { mine: await weekOf(client, hourly.contractId), other: await weekOf(otherClient, otherHourly.contractId) };

  const payoutMethod = async (who: TestUser) => (await as(who).payout.addMethod({ idempotencyKey: key(), kind: "PAYPAL", account: `${who.id}@paypal.test`, label: "PayPal" })).id;
  const payoutMethods = {
    mine: await payoutMethod(freelancer),
    other: await payoutMethod(otherFreelancer),
    notYetUsable: (await as(freelancer, NOW).payout.addMethod({ idempotencyKey: key(), kind: "ACH", account: "000987654321", label: "New bank" })).id,
  };
  // Reputation (issue 15): a pending invitation to Fran on a job of its own.
  const invitedJob = await post(client);
  const invitations = {
    pending: (await as(client).job.invite({ idempotencyKey: key(), jobId: invitedJob, freelancerId: freelancer.id, message: "Would you apply?" })).invitationId,
  };
  const message = await as(freelancer).message.send({ idempotencyKey: key(), proposalId: proposals.mine, body: "Happy to talk about the details." });

  return {
    people,
    cards: { clientCard, otherClientCard, freelancerCard, unverifiedCard, otherUnverifiedCard },
    jobs,
    proposals,
    contracts: { fixed: fixed.contractId, offered: offered.contractId, otherOffered: otherOffered.contractId, others: others.contractId, hourly: hourly.contractId, otherHourly: otherHourly.contractId },
    milestones: { approved, pendingPaid, funded, unfunded, unfundedToo, refundRequested, others: others.milestoneIds as [string, string] },
    disputes: { open: disputeId },
    weeks,
    payoutMethods,
    messageId: message.messageId,
    invitations,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
