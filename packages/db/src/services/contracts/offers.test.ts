import { randomUUID } from "node:crypto";
import { DEFAULT_SETTINGS, settingValueToJson } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, key, makeUser, makeVerifiedClient, NOW, type TestDatabase } from "../../testing";
import { acceptOffer } from "./accept-offer";
import { declineOffer } from "./decline-offer";
import { hireProposal } from "./hire-proposal";
import { makeDirectOffer } from "./make-direct-offer";
import { getContract } from "../../read/contract-view";
import { at, insertOpenJob, submittedProposal } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const fixed = (...amounts: bigint[]) => ({ type: "FIXED" as const, milestones: amounts.map((amountMinor, i) => ({ title: `M${i + 1}`, amountMinor })) });

describe("hireProposal", () => {
  it("offers a contract priced under today's settings; the job is filled and the other proposals closed only at acceptance", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const [alice, bob] = [(await makeUser(db.prisma, "FREELANCER")).id, (await makeUser(db.prisma, "FREELANCER")).id];
    const jobId = await insertOpenJob(db.prisma, clientId);
    const hired = await submittedProposal(db.prisma, jobId, alice, 90_000n);
    const other = await submittedProposal(db.prisma, jobId, bob, 80_000n);
    const offer = await hireProposal(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, proposalId: hired, terms: fixed(30_000n, 70_000n) });
    expect(offer).toMatchObject({ status: "OFFERED", type: "FIXED", settingsVersion: 0 });
    expect(offer.milestoneIds).toHaveLength(2);

    const contract = await db.prisma.contract.findUniqueOrThrow({ where: { id: offer.contractId }, include: { milestones: { orderBy: { position: "asc" } } } });
    expect(contract).toMatchObject({ clientId, freelancerId: alice, jobId, proposalId: hired, clientFeeBps: 300, title: "A fixed job" });
    expect(contract.feeSchedule).toEqual(settingValueToJson(DEFAULT_SETTINGS.feeSchedule));
    expect(contract.milestones.map((m) => [m.position, m.amountMinor, m.status])).toEqual([[1, 30_000n, "CREATED"], [2, 70_000n, "CREATED"]]);
    expect(contract.offerExpiresAt).toEqual(at("2026-12-03T10:00:00Z"));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: hired } })).toMatchObject({ status: "OFFERED", statusBeforeOffer: "SUBMITTED", endedAt: null });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ status: "SUBMITTED", endedAt: null });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "OPEN", endedAt: null });

    // The freelancer sees the gate closed until they accept.
    const view = await getContract(db.prisma, offer.contractId, alice);
    expect(view.workStartGate.checks.map((c) => [c.key, c.ok])).toEqual([["contract_active", false], ["client_payment_verified", true], ["milestone_funded", false]]);
    await expect(getContract(db.prisma, offer.contractId, bob)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const later = at("2026-11-27T10:00:00Z");
    await acceptOffer(db.prisma, { actorId: alice, idempotencyKey: key(), now: later, contractId: offer.contractId });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: hired } })).toMatchObject({ status: "HIRED", endedAt: later });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ status: "CLOSED", endedReason: "other_freelancer_hired", connectsRefunded: 0 });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "HIRED", endedAt: later, auctionClosesAt: later });
  });

  it("makes an hourly contract at the bid rate with the weekly limit, and keeps an earlier auction close", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const jobId = await insertOpenJob(db.prisma, clientId, "HOURLY", { auctionClosesAt: at("2026-11-20T00:00:00Z") });
    const proposalId = await submittedProposal(db.prisma, jobId, freelancerId, 4_500n);
    const offer = await hireProposal(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, proposalId, terms: { type: "HOURLY", weeklyLimitHours: 10 } });
    expect(await db.prisma.contract.findUniqueOrThrow({ where: { id: offer.contractId } })).toMatchObject({ type: "HOURLY", hourlyRateMinor: 4_500n, weeklyLimitHours: 10 });
    await acceptOffer(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId });
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).auctionClosesAt).toEqual(at("2026-11-20T00:00:00Z"));
  });

  it("refuses the wrong role, other clients' proposals, small milestones, wrong terms and closed jobs", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const jobId = await insertOpenJob(db.prisma, clientId);
    const proposalId = await submittedProposal(db.prisma, jobId, freelancerId, 50_000n);
    const base = { actorId: clientId, now: NOW, proposalId, terms: fixed(50_000n) };
    const refused = async (input: Partial<Parameters<typeof hireProposal>[1]>, code: string) =>
      expect(hireProposal(db.prisma, { ...base, idempotencyKey: key(), ...input })).rejects.toMatchObject({ code });
    await refused({ actorId: freelancerId }, "FORBIDDEN");
    await refused({ actorId: (await makeVerifiedClient(db.prisma)).id }, "NOT_FOUND");
    await refused({ proposalId: randomUUID() }, "NOT_FOUND");
    await refused({ terms: fixed(499n) }, "MILESTONE_BELOW_MINIMUM");
    await refused({ terms: { type: "HOURLY", weeklyLimitHours: 5 } }, "INVALID_REQUEST");
    await db.prisma.proposal.update({ where: { id: proposalId }, data: { status: "WITHDRAWN" } });
    await refused({}, "PROPOSAL_TRANSITION_NOT_ALLOWED");
    await db.prisma.job.update({ where: { id: jobId }, data: { status: "CLOSED" } });
    await refused({}, "JOB_TRANSITION_NOT_ALLOWED");
    expect(await db.prisma.contract.count({ where: { jobId } })).toBe(0);
  });

  it("replays a retried hire, refuses the key for other terms, and sends only one of two offers sent at once", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const [a, b] = [(await makeUser(db.prisma, "FREELANCER")).id, (await makeUser(db.prisma, "FREELANCER")).id];
    const jobId = await insertOpenJob(db.prisma, clientId);
    const [pa, pb] = [await submittedProposal(db.prisma, jobId, a, 10_000n), await submittedProposal(db.prisma, jobId, b, 10_000n)];
    const results = await Promise.allSettled([
      hireProposal(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, proposalId: pa, terms: fixed(10_000n) }),
      hireProposal(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, proposalId: pb, terms: fixed(10_000n) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // One offer out per job (economy.md §3.1): the second is refused while the first waits.
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.prisma.contract.count({ where: { jobId } })).toBe(1);

    const job2 = await insertOpenJob(db.prisma, clientId);
    const p2 = await submittedProposal(db.prisma, job2, a, 10_000n);
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, proposalId: p2, terms: fixed(10_000n) };
    const first = await hireProposal(db.prisma, input);
    expect(await hireProposal(db.prisma, input)).toEqual(first);
    expect(await db.prisma.contract.count({ where: { jobId: job2 } })).toBe(1);
    await expect(hireProposal(db.prisma, { ...input, terms: fixed(20_000n) })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
});

describe("makeDirectOffer, acceptOffer, declineOffer", () => {
  it("offers without a job; the freelancer accepts (active) or declines", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, freelancerId, title: "Logo", terms: { type: "HOURLY" as const, weeklyLimitHours: 20, hourlyRateMinor: 3_000n } };
    const offer = await makeDirectOffer(db.prisma, input);
    expect(await makeDirectOffer(db.prisma, input)).toEqual(offer);
    await expect(makeDirectOffer(db.prisma, { ...input, title: "Other" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.prisma.contract.findUniqueOrThrow({ where: { id: offer.contractId } })).toMatchObject({ jobId: null, hourlyRateMinor: 3_000n, status: "OFFERED" });
    await expect(makeDirectOffer(db.prisma, { ...input, idempotencyKey: key(), freelancerId: clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(makeDirectOffer(db.prisma, { ...input, idempotencyKey: key(), actorId: freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const accept = { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId };
    await expect(acceptOffer(db.prisma, { ...accept, actorId: clientId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acceptOffer(db.prisma, { ...accept, actorId: (await makeUser(db.prisma, "FREELANCER")).id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const accepted = await acceptOffer(db.prisma, accept);
    expect(accepted).toEqual({ contractId: offer.contractId, status: "ACTIVE", startedAt: NOW, endedAt: null });
    expect(await acceptOffer(db.prisma, accept)).toEqual(accepted);
    await expect(acceptOffer(db.prisma, { ...accept, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONTRACT_TRANSITION_NOT_ALLOWED" });
    await expect(declineOffer(db.prisma, { ...accept, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONTRACT_TRANSITION_NOT_ALLOWED" });

    const second = await makeDirectOffer(db.prisma, { ...input, idempotencyKey: key(), title: "Second" });
    const decline = { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: second.contractId, reason: "Too busy" };
    const declined = await declineOffer(db.prisma, decline);
    expect(declined).toEqual({ contractId: second.contractId, status: "DECLINED", startedAt: null, endedAt: NOW, cardRefunds: [] });
    expect(await declineOffer(db.prisma, decline)).toEqual(declined);
    await expect(declineOffer(db.prisma, { ...decline, reason: "Other" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
});
