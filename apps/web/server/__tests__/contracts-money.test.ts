import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearPending, invoiceHourlyWeeks } from "@fairlance/db/services";
import { assertLedgerHolds, freshDatabase, key, makeUser, makeVerifiedClient, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { callerAt, days, FORBIDDEN, NOT_FOUND, T0 } from "./money-helpers";

let db: TestDatabase;
let client: TestUser;
let freelancer: TestUser;
let otherClient: TestUser;
let otherFreelancer: TestUser;
let admin: TestUser;
beforeAll(async () => {
  db = await freshDatabase();
  client = await makeVerifiedClient(db.prisma, { now: T0 });
  otherClient = await makeVerifiedClient(db.prisma, { now: T0 });
  freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Fran" });
  otherFreelancer = await makeUser(db.prisma, "FREELANCER");
  admin = await makeUser(db.prisma, "ADMIN");
});
afterAll(() => db.drop());

const as = (who: TestUser, now = T0) => callerAt(db.prisma, who, now);
const fixedOffer = (milestones: bigint[]) =>
  as(client).contract.offer({
    idempotencyKey: key(),
    freelancerId: freelancer.id,
    title: "Website",
    terms: { type: "FIXED", milestones: milestones.map((amountMinor, i) => ({ title: `Part ${i + 1}`, amountMinor })) },
  });

describe("offers, the contract page and the work-start gate", () => {
  it("only a client offers; only the freelancer named accepts; strangers see nothing", async () => {
    await expect(as(freelancer).contract.offer({ idempotencyKey: key(), freelancerId: freelancer.id, title: "x", terms: { type: "FIXED", milestones: [{ title: "a", amountMinor: 1000n }] } })).rejects.toMatchObject(FORBIDDEN);
    const offer = await fixedOffer([100_000n]);
    await expect(as(otherFreelancer).contract.get({ contractId: offer.contractId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(otherClient).contract.get({ contractId: offer.contractId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(admin).contract.get({ contractId: offer.contractId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(admin).contract.list()).rejects.toMatchObject(FORBIDDEN);
    expect((await as(otherClient).contract.list()).map((c) => c.id)).not.toContain(offer.contractId);
    expect(await as(freelancer).contract.list()).toEqual(expect.arrayContaining([expect.objectContaining({ id: offer.contractId, nextAction: expect.stringMatching(/^Accept or decline the offer by \d{4}-\d{2}-\d{2} at \d{2}:\d{2} UTC\.$/), needsYou: true })]));

    await expect(as(client).contract.accept({ idempotencyKey: key(), contractId: offer.contractId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).contract.accept({ idempotencyKey: key(), contractId: offer.contractId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(freelancer).contract.accept({ idempotencyKey: key(), contractId: offer.contractId })).resolves.toMatchObject({ status: "ACTIVE" });

    const page = await as(freelancer).contract.get({ contractId: offer.contractId });
    expect(page.viewerRole).toBe("FREELANCER");
    expect(page.workStartGate.canStart).toBe(false);
    expect(page.workStartGate.checks.find((c) => c.key === "milestone_funded")).toMatchObject({ ok: false });
    // $1,000 to a new client: $500 × 20% + $500 × 10% = $150 fee (economy.md §3.5); funding charges + 3%.
    expect(page.milestones[0]).toMatchObject({ fundQuote: { amountMinor: 100_000n, feeMinor: 3_000n, totalMinor: 103_000n }, feePreview: { feeMinor: 15_000n, netMinor: 85_000n } });
  });

  it("declining is the freelancer's, on their own offers", async () => {
    const offer = await fixedOffer([5_000n]);
    await expect(as(client).contract.decline({ idempotencyKey: key(), contractId: offer.contractId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).contract.decline({ idempotencyKey: key(), contractId: offer.contractId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(freelancer).contract.decline({ idempotencyKey: key(), contractId: offer.contractId, reason: "busy" })).resolves.toMatchObject({ status: "DECLINED" });
  });
});

describe("a milestone from funding to payment, then earnings and a withdrawal", () => {
  it("charges what was quoted, pays what was previewed, and keeps every party to their own objects", async () => {
    const offer = await fixedOffer([100_000n]);
    await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: offer.contractId });
    const milestoneId = offer.milestoneIds[0]!;

    // The gate refuses work on an unfunded milestone.
    await expect(as(freelancer).milestone.submit({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });

    await expect(as(freelancer).milestone.fund({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).milestone.fund({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(NOT_FOUND);
    const quoted = (await as(client).contract.get({ contractId: offer.contractId })).milestones[0]!.fundQuote!;
    const funded = await as(client).milestone.fund({ idempotencyKey: key(), milestoneId });
    expect(funded.chargedMinor).toBe(quoted.totalMinor);

    await expect(as(client).milestone.submit({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).milestone.submit({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(freelancer).milestone.submit({ idempotencyKey: key(), milestoneId, note: "v1" })).resolves.toMatchObject({ status: "SUBMITTED", reviewDeadline: days(14) });

    await expect(as(freelancer).milestone.requestChanges({ idempotencyKey: key(), milestoneId, message: "more" })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).milestone.requestChanges({ idempotencyKey: key(), milestoneId, message: "more" })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client).milestone.requestChanges({ idempotencyKey: key(), milestoneId, message: "more" })).resolves.toMatchObject({ status: "CHANGES_REQUESTED" });
    await as(freelancer).milestone.submit({ idempotencyKey: key(), milestoneId, note: "v2" });

    const preview = (await as(freelancer).contract.get({ contractId: offer.contractId })).milestones[0]!.feePreview!;
    await expect(as(freelancer).milestone.approve({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).milestone.approve({ idempotencyKey: key(), milestoneId })).rejects.toMatchObject(NOT_FOUND);
    const approved = await as(client).milestone.approve({ idempotencyKey: key(), milestoneId });
    expect(approved.payment).toMatchObject({ grossMinor: preview.grossMinor, feeMinor: preview.feeMinor, netMinor: preview.netMinor, availableAt: days(5) });

    // Earnings are the freelancer's own.
    for (const procedure of ["get", "billings", "byWeek"] as const) await expect(as(client).earnings[procedure]()).rejects.toMatchObject(FORBIDDEN);
    const earnings = await as(freelancer).earnings.get();
    expect(earnings.balances.pendingMinor).toBe(85_000n);
    expect(earnings.pending).toEqual([expect.objectContaining({ netMinor: 85_000n, availableAt: days(5) })]);
    expect(earnings.history.events).toEqual([expect.objectContaining({ kind: "payment", payment: expect.objectContaining({ grossMinor: 100_000n, feeMinor: 15_000n, netMinor: 85_000n }) })]);
    expect(earnings.history.closing.pendingMinor).toBe(earnings.balances.pendingMinor);
    expect((await as(otherFreelancer).earnings.get()).balances.pendingMinor).toBe(0n);
    expect(await as(freelancer).earnings.billings()).toEqual([expect.objectContaining({ clientId: client.id, billedMinor: 100_000n, remainingToNextMinor: 900_000n })]);
    const weeks = await as(freelancer).earnings.byWeek();
    expect(weeks.at(-1)).toMatchObject({ netMinor: 85_000n, heightPermille: 1000 });

    // Payouts: a method waits 3 days; the quote and the withdrawal are the freelancer's, on their own method.
    await expect(as(client).payout.overview()).rejects.toMatchObject(FORBIDDEN);
    await expect(as(client).payout.addMethod({ idempotencyKey: key(), kind: "PAYPAL", account: "fran@paypal.test", label: "PayPal" })).rejects.toMatchObject(FORBIDDEN);
    const method = await as(freelancer).payout.addMethod({ idempotencyKey: key(), kind: "PAYPAL", account: "fran@paypal.test", label: "PayPal" });
    expect(method.usableFrom).toEqual(days(3));
    await expect(as(freelancer).payout.quote({ payoutMethodId: method.id, amountMinor: 100n })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await clearPending(db.prisma, { now: days(6) });
    const later = days(6);
    await expect(as(otherFreelancer, later).payout.quote({ payoutMethodId: method.id, amountMinor: 10_000n })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client, later).payout.quote({ payoutMethodId: method.id, amountMinor: 10_000n })).rejects.toMatchObject(FORBIDDEN);
    // $2.01 to PayPal would pay $0.01: refused before anything is committed, with the net and the minimum (economy.md §4).
    await expect(as(freelancer, later).payout.quote({ payoutMethodId: method.id, amountMinor: 201n })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringContaining("would pay $0.01 after the method's $2.00 fee; a withdrawal must pay at least $1.00"),
    });
    await expect(as(freelancer, later).payout.withdraw({ idempotencyKey: key(), payoutMethodId: method.id, amountMinor: 201n })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((await as(freelancer, later).payout.overview()).methods).toEqual([expect.objectContaining({ smallestMinor: 300n })]);
    const quote = await as(freelancer, later).payout.quote({ payoutMethodId: method.id, amountMinor: 10_000n });
    expect(quote).toMatchObject({ amountMinor: 10_000n, feeMinor: 200n, netMinor: 9_800n, availableMinor: 85_000n });
    await expect(as(otherFreelancer, later).payout.withdraw({ idempotencyKey: key(), payoutMethodId: method.id, amountMinor: 10_000n })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client, later).payout.withdraw({ idempotencyKey: key(), payoutMethodId: method.id, amountMinor: 10_000n })).rejects.toMatchObject(FORBIDDEN);
    const sent = await as(freelancer, later).payout.withdraw({ idempotencyKey: key(), payoutMethodId: method.id, amountMinor: 10_000n });
    expect(sent).toMatchObject({ status: "SENT", netMinor: quote.netMinor, feeMinor: quote.feeMinor });
    const overview = await as(freelancer, later).payout.overview();
    expect(overview).toMatchObject({ availableMinor: 75_000n, methods: [expect.objectContaining({ usable: true, feeMinor: 200n })] });
    expect(overview.withdrawals).toHaveLength(1);

    // Automatic schedule: at least $100, to the freelancer's own method.
    await expect(as(client).payout.setAuto({ schedule: "WEEKLY", thresholdMinor: 20_000n, payoutMethodId: method.id })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).payout.setAuto({ schedule: "WEEKLY", thresholdMinor: 20_000n, payoutMethodId: method.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(freelancer).payout.setAuto({ schedule: "WEEKLY", thresholdMinor: 5_000n, payoutMethodId: method.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(freelancer).payout.setAuto({ schedule: "WEEKLY", thresholdMinor: 20_000n, payoutMethodId: method.id })).resolves.toMatchObject({ schedule: "WEEKLY" });
    expect((await as(freelancer).payout.overview()).auto).toMatchObject({ schedule: "WEEKLY", thresholdMinor: 20_000n });
  });

  it("adds and refunds milestones, pays a quoted bonus and ends the contract — each the right party's", async () => {
    const offer = await fixedOffer([10_000n]);
    const ids = { contractId: offer.contractId };
    await as(freelancer).contract.accept({ idempotencyKey: key(), ...ids });
    const draft = { title: "Extra", amountMinor: 20_000n };
    await expect(as(freelancer).milestone.add({ idempotencyKey: key(), ...ids, milestone: draft })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).milestone.add({ idempotencyKey: key(), ...ids, milestone: draft })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client).milestone.add({ idempotencyKey: key(), ...ids, milestone: { title: "Tiny", amountMinor: 100n } })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    const added = await as(client).milestone.add({ idempotencyKey: key(), ...ids, milestone: draft });

    await as(client).milestone.fund({ idempotencyKey: key(), milestoneId: added.milestoneId });
    // Escrow goes back only by the freelancer's hand (economy.md §9.1); the client asks for it.
    await expect(as(client).milestone.refund({ idempotencyKey: key(), milestoneId: added.milestoneId })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).milestone.refund({ idempotencyKey: key(), milestoneId: added.milestoneId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client).milestone.requestRefund({ idempotencyKey: key(), milestoneId: added.milestoneId, reason: "Not needed after all" })).resolves.toMatchObject({ status: "REFUND_REQUESTED" });
    await expect(as(freelancer).milestone.refund({ idempotencyKey: key(), milestoneId: added.milestoneId })).resolves.toMatchObject({ status: "REFUNDED", cardRefund: { amountMinor: 20_600n } });

    const bonus = { contractId: offer.contractId, amountMinor: 5_000n };
    await expect(as(freelancer).contract.bonusQuote(bonus)).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).contract.bonusQuote(bonus)).rejects.toMatchObject(NOT_FOUND);
    const quote = await as(client).contract.bonusQuote(bonus);
    expect(quote.clientFee).toEqual({ amountMinor: 5_000n, feeMinor: 150n, totalMinor: 5_150n });
    await expect(as(freelancer).contract.payBonus({ idempotencyKey: key(), ...bonus })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).contract.payBonus({ idempotencyKey: key(), ...bonus })).rejects.toMatchObject(NOT_FOUND);
    const paid = await as(client).contract.payBonus({ idempotencyKey: key(), ...bonus });
    expect(paid).toMatchObject({ chargedMinor: quote.clientFee.totalMinor, payment: { netMinor: quote.freelancerReceives.netMinor } });

    await as(client).milestone.fund({ idempotencyKey: key(), milestoneId: offer.milestoneIds[0]! });
    expect((await as(client).contract.get(ids)).escrowMinor).toBe(10_000n);
    await expect(as(admin).contract.end({ idempotencyKey: key(), ...ids, reason: "done" })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).contract.end({ idempotencyKey: key(), ...ids, reason: "done" })).rejects.toMatchObject(NOT_FOUND);
    // The freelancer ends it and gives the escrow back.
    const ended = await as(freelancer).contract.end({ idempotencyKey: key(), ...ids, reason: "done", refundEscrow: true });
    expect(ended).toMatchObject({ status: "ENDED", cardRefunds: [expect.objectContaining({ amountMinor: 10_300n, queued: false })] });
  });
});

describe("hiring from a proposal", () => {
  it("quotes the bid and the client fee, then hires — only the job's client", async () => {
    const job = await db.prisma.job.create({
      data: { clientId: client.id, title: "Landing page", description: "d", type: "FIXED", status: "OPEN", budgetMinor: 50_000n, durationDays: 10, experienceLevel: "ENTRY", skills: [], connectCost: 4, publishedAt: T0, lastActivityAt: T0 },
    });
    const proposal = await db.prisma.proposal.create({ data: { jobId: job.id, freelancerId: freelancer.id, coverLetter: "Me", bidMinor: 40_000n, connectCost: 0, submittedAt: T0 } });
    await expect(as(freelancer).contract.hireQuote({ proposalId: proposal.id })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).contract.hireQuote({ proposalId: proposal.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client).contract.hireQuote({ proposalId: proposal.id })).resolves.toMatchObject({
      bidMinor: 40_000n,
      clientFeeBps: 300,
      bidClientFee: { feeMinor: 1_200n, totalMinor: 41_200n },
      milestoneMinimumMinor: 500n,
      freelancer: { name: "Fran" },
    });
    await expect(as(freelancer).contract.clientFeeQuote({ amountsMinor: [1_000n] })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(client).contract.clientFeeQuote({ amountsMinor: [10_000n, 30_000n] })).resolves.toMatchObject({ feeMinor: 1_200n, totalMinor: 41_200n });

    const terms = { type: "FIXED" as const, milestones: [{ title: "All", amountMinor: 40_000n }] };
    await expect(as(freelancer).contract.hire({ idempotencyKey: key(), proposalId: proposal.id, terms })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient).contract.hire({ idempotencyKey: key(), proposalId: proposal.id, terms })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client).contract.hire({ idempotencyKey: key(), proposalId: proposal.id, terms })).resolves.toMatchObject({ status: "OFFERED", type: "FIXED" });
  });

  it("offers go to freelancers the client has dealt with or finds by name, never looked up by email", async () => {
    await expect(as(freelancer).contract.offerTarget({ freelancerId: freelancer.id })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(client).contract.offerTarget({ freelancerId: freelancer.id })).resolves.toMatchObject({ id: freelancer.id, name: "Fran", summary: { jobSuccessScore: null, rating: { fromText: "No reviews yet" } } });
    await expect(as(client).contract.offerTarget({ freelancerId: otherClient.id })).rejects.toMatchObject(NOT_FOUND);
    // Fran proposed to this client's job: she is among the people they have dealt with, and not the other client's.
    const dealtWith = await as(client).contract.offerCandidates({});
    expect(dealtWith).toContainEqual(expect.objectContaining({ id: freelancer.id, name: "Fran", proposalsToYou: 1 }));
    expect(await as(otherClient).contract.offerCandidates({})).not.toContainEqual(expect.objectContaining({ id: freelancer.id }));
    // By name anyone may be found (as on a public profile); by email nobody, so an address confirms nothing.
    expect(await as(otherClient).contract.offerCandidates({ query: "fra" })).toContainEqual(expect.objectContaining({ id: freelancer.id, proposalsToYou: 0 }));
    expect(await as(otherClient).contract.offerCandidates({ query: freelancer.email })).toEqual([]);
    for (const candidate of dealtWith) expect(Object.keys(candidate).sort()).toEqual(["contractsWithYou", "id", "memberSince", "name", "proposalsToYou"]);
    await expect(as(freelancer).contract.offerCandidates({})).rejects.toMatchObject(FORBIDDEN);
  });
});

describe("hourly contracts", () => {
  it("logs time within the weekly limit and lets the client dispute the invoice until Friday", async () => {
    const offer = await as(client).contract.offer({ idempotencyKey: key(), freelancerId: freelancer.id, title: "Support", terms: { type: "HOURLY", weeklyLimitHours: 2, hourlyRateMinor: 5_000n } });
    await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: offer.contractId });
    const entry = { contractId: offer.contractId, workedOn: T0, minutes: 90, memo: "Triage" };
    await expect(as(client).hourly.logTime({ idempotencyKey: key(), ...entry })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherFreelancer).hourly.logTime({ idempotencyKey: key(), ...entry })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(freelancer).hourly.logTime({ idempotencyKey: key(), ...entry })).resolves.toMatchObject({ weekMinutes: 90 });
    await expect(as(freelancer).hourly.logTime({ idempotencyKey: key(), ...entry, minutes: 60 })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((await as(freelancer).contract.get({ contractId: offer.contractId })).currentWeek).toMatchObject({ minutes: 90, limitMinutes: 120 });

    const monday = new Date("2026-11-30T00:00:00Z");
    await invoiceHourlyWeeks(db.prisma, { now: monday });
    const tuesday = days(1, monday);
    const page = await as(client, tuesday).contract.get({ contractId: offer.contractId });
    const week = page.hourlyWeeks[0]!;
    expect(week).toMatchObject({ status: "INVOICED", amountMinor: 7_500n, clientFeeMinor: 225n, disputable: true });
    const dispute = { weekId: week.id, reason: "Too many hours" };
    await expect(as(freelancer, tuesday).hourly.dispute({ idempotencyKey: key(), ...dispute })).rejects.toMatchObject(FORBIDDEN);
    await expect(as(otherClient, tuesday).hourly.dispute({ idempotencyKey: key(), ...dispute })).rejects.toMatchObject(NOT_FOUND);
    await expect(as(client, tuesday).hourly.dispute({ idempotencyKey: key(), ...dispute })).resolves.toMatchObject({ status: "DISPUTED" });
  });
});

describe("the ledger", () => {
  it("keeps every invariant after all of the above (economy.md §7)", async () => {
    await assertLedgerHolds(db.prisma);
  });
});
