import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { closeJob } from "../services/jobs/close-job";
import { markProposalViewed } from "../services/jobs/mark-proposal-viewed";
import { submitProposal } from "../services/jobs/submit-proposal";
import { sendMessage } from "../services/messages/send-message";
import { getConnectsRoi, ROI_WEEKS } from "./connects-roi";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

// A Wednesday; the week before starts on Monday 2026-11-23.
const now = new Date("2026-12-02T09:00:00Z");
const lastWeek = new Date("2026-11-25T09:00:00Z");

describe("getConnectsRoi", () => {
  it("counts connects spent (net of refunds), views, interviews and hires, priced at the connect price, week by week", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const freelancer = (await freelancerWithConnects(db.prisma, 60, lastWeek)).id;
    const propose = async (jobId: string, when: Date, boostConnects = 0) =>
      (await submitProposal(db.prisma, { jobId, actorId: freelancer, now: when, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 50_000n, boostConnects })).proposalId;
    const viewedJob = await openJob(db.prisma, client, lastWeek);
    const viewed = await propose(viewedJob, lastWeek, 2);
    await markProposalViewed(db.prisma, { proposalId: viewed, actorId: client, now: lastWeek });
    const talkedJob = await openJob(db.prisma, client, now);
    const talked = await propose(talkedJob, now);
    await sendMessage(db.prisma, { proposalId: talked, actorId: client, now, idempotencyKey: key(), body: "Could we talk tomorrow?" });
    const hiredJob = await openJob(db.prisma, client, now);
    const hired = await propose(hiredJob, now);
    await db.prisma.proposal.update({ where: { id: hired }, data: { status: "HIRED" } });
    await db.prisma.contract.create({
      data: { proposalId: hired, jobId: hiredJob, clientId: client, freelancerId: freelancer, type: "FIXED", title: "Work", status: "ACTIVE", feeSchedule: {}, clientFeeBps: 300, settingsVersion: 0, offeredAt: now, offerExpiresAt: now },
    });
    const closedJob = await openJob(db.prisma, client, now);
    await propose(closedJob, now);
    await closeJob(db.prisma, { jobId: closedJob, actorId: client, now, idempotencyKey: key() });

    const report = await getConnectsRoi(db.prisma, freelancer, now);
    // 6 + 2 boost, 6, 6, and 6 refunded when the job closed: 20 connects at $0.15 = $3.00.
    expect(report.roi).toEqual({
      connectsSpent: 20,
      proposals: 4,
      viewed: 3, // opened, written to, hired: a funnel never narrows upwards
      interviews: 2,
      hires: 1,
      spentMinor: 300n,
      costPerViewMinor: 100n,
      costPerInterviewMinor: 150n,
      costPerHireMinor: 300n,
    });
    expect(report.connectPriceMinor).toBe(15n);
    expect(report.weeks).toHaveLength(ROI_WEEKS);
    expect(report.weeks.at(-2)).toEqual({ weekStartsAt: new Date("2026-11-23T00:00:00Z"), proposals: 1, connectsSpent: 8, viewed: 1, hires: 0 });
    expect(report.weeks.at(-1)).toEqual({ weekStartsAt: new Date("2026-11-30T00:00:00Z"), proposals: 3, connectsSpent: 12, viewed: 2, hires: 1 });
    expect(report.weeks[0]!.proposals).toBe(0);
  });

  it("has no costs per step before anything happened", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 0, now)).id;
    const report = await getConnectsRoi(db.prisma, freelancer, now);
    expect(report.roi).toMatchObject({ connectsSpent: 0, proposals: 0, spentMinor: 0n, costPerViewMinor: null, costPerHireMinor: null });
  });
});
