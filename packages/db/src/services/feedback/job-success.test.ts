import { jobSuccessScore, type JssContract } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRecorded } from "../../runner/record-run";
import { days, freshDatabase, key, makeUser, makeVerifiedClient, NOW, type TestDatabase } from "../../testing";
import { leaveFeedback } from "./leave-feedback";
import { computeJobSuccess, refreshJobSuccessScores, revealClosedFeedback, updateReputation } from "./job-success";
import { clientStars, endedDisputedContract, endedPaidContract, endedUnpaidContract, freelancerStars } from "./test-helpers";

// The runner's reputation task (economy.md §10.3, §10.6): reveal at the window's close, and the
// Job Success Score as the rules compute it over what the database recorded, kept when it changes.
let db: TestDatabase;
let fran: string;
const clients: string[] = [];
const at = (day: number, hours = 0) => new Date(days(NOW, day).getTime() + hours * 3_600_000);
const snapshots = () => db.prisma.jobSuccessSnapshot.findMany({ where: { userId: fran }, orderBy: { computedAt: "asc" } });
const profile = () => db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran }, select: { jobSuccessScore: true, jobSuccessAt: true } });
const rate = (clientId: string, contractId: string, overall: number, now: Date) =>
  leaveFeedback(db.prisma, { actorId: clientId, now, idempotencyKey: key(), contractId, comment: "Delivered what was agreed.", ...clientStars(overall), overall });

beforeAll(async () => {
  db = await freshDatabase({ max: 8 });
  fran = (await makeUser(db.prisma, "FREELANCER", { name: "Fran Okafor" })).id;
  for (const name of ["Ada", "Ben", "Cy"]) clients.push((await makeUser(db.prisma, "CLIENT", { name })).id);
});
afterAll(() => db.drop());

describe("revealing feedback when the window closes", () => {
  it("sets the reveal to the close itself, however late the runner comes, and only once", async () => {
    const client = clients[0]!;
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: fran, endedAt: at(-40) });
    await leaveFeedback(db.prisma, { actorId: fran, now: at(-39), idempotencyKey: key(), contractId, comment: "A clear brief and quick payment.", ...freelancerStars(5) });
    expect((await revealClosedFeedback(db.prisma, { now: at(-27) })).revealed).toBe(0);
    expect(await revealClosedFeedback(db.prisma, { now: at(-20) })).toEqual({ revealed: 1, freelancerIds: [fran] });
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).feedbackRevealedAt).toEqual(days(at(-40), 14));
    expect((await revealClosedFeedback(db.prisma, { now: at(-19) })).revealed).toBe(0);
  });
});

describe("the Job Success Score", () => {
  it("stores the rules' score over the contracts' outcomes, and a snapshot only when it changes", async () => {
    const [ada, ben, cy] = clients as [string, string, string];
    // Ada: the contract above (no client stars, neutral) and two more with 5 and 4 stars; Ben: 2 stars; Cy: ended unpaid.
    const a2 = await endedPaidContract(db.prisma, { clientId: ada, freelancerId: fran, endedAt: at(-30), grossMinor: 20_000n });
    const a3 = await endedPaidContract(db.prisma, { clientId: ada, freelancerId: fran, endedAt: at(-25), grossMinor: 30_000n });
    const b1 = await endedPaidContract(db.prisma, { clientId: ben, freelancerId: fran, endedAt: at(-24), grossMinor: 40_000n });
    await endedUnpaidContract(db.prisma, { clientId: cy, freelancerId: fran, endedAt: at(-23) });
    await rate(ada, a2, 5, at(-29));
    await rate(ada, a3, 4, at(-24));
    await rate(ben, b1, 2, at(-23));
    const now = at(-5);
    const first = await updateReputation(db.prisma, { now });
    expect(first).toMatchObject({ fullPass: true, changed: 1 });

    const expected: JssContract[] = [
      { clientId: ada, endedAt: at(-40), paidMinor: 50_000n, clientFeedbackOverall: null, disputeLost: false, endedWithoutPayment: false },
      { clientId: ada, endedAt: at(-30), paidMinor: 20_000n, clientFeedbackOverall: 5, disputeLost: false, endedWithoutPayment: false },
      { clientId: ada, endedAt: at(-25), paidMinor: 30_000n, clientFeedbackOverall: 4, disputeLost: false, endedWithoutPayment: false },
      { clientId: ben, endedAt: at(-24), paidMinor: 40_000n, clientFeedbackOverall: 2, disputeLost: false, endedWithoutPayment: false },
      { clientId: cy, endedAt: at(-23), paidMinor: 0n, clientFeedbackOverall: null, disputeLost: false, endedWithoutPayment: true },
    ];
    const rules = jobSuccessScore({ contracts: expected, now });
    // 2 good (5 and 4 stars) + Ada long-term (3 paid contracts, nothing bad) = 3 good; 2 bad (2 stars, unpaid): 100 × 3 ÷ 5 = 60.
    expect(rules).toMatchObject({ score: 60, good: 2, bad: 2, neutral: 1, longTermClients: 1, counted: 5 });
    expect(await computeJobSuccess(db.prisma, fran, now)).toEqual(rules);
    expect(await profile()).toEqual({ jobSuccessScore: 60, jobSuccessAt: now });
    expect(await snapshots()).toEqual([expect.objectContaining({ score: 60, good: 2, bad: 2, neutral: 1, longTermClients: 1, counted: 5, computedAt: now })]);

    // Run again, the same moment and later the same day: nothing changed, nothing written.
    await updateReputation(db.prisma, { now });
    await refreshJobSuccessScores(db.prisma, { now: at(-5, 1), since: null });
    expect(await snapshots()).toHaveLength(1);
    expect(await profile()).toEqual({ jobSuccessScore: 60, jobSuccessAt: now });

    // A dispute an admin decided against Fran (a split refunding the client more than it paid Fran): bad.
    const dee = (await makeVerifiedClient(db.prisma, { name: "Dee" })).id;
    const admin = (await makeUser(db.prisma, "ADMIN")).id;
    await endedDisputedContract(db.prisma, { clientId: dee, freelancerId: fran, adminId: admin, amountMinor: 20_000n, releaseMinor: 5_000n, decidedAt: at(-4) });
    const later = at(-4, 1);
    expect(await refreshJobSuccessScores(db.prisma, { now: later, since: at(-4) })).toEqual({ fullPass: false, computed: 1, changed: 1 });
    const withDispute = [...expected, { clientId: dee, endedAt: at(-4), paidMinor: 5_000n, clientFeedbackOverall: null, disputeLost: true, endedWithoutPayment: false }];
    const rulesLater = jobSuccessScore({ contracts: withDispute, now: later });
    // 3 good (Ada's long-term bonus included) ÷ 6 counted (Ben's 2 stars, Cy unpaid, Dee's lost dispute) = 50.
    expect(rulesLater).toMatchObject({ score: 50, good: 2, bad: 3, longTermClients: 1, counted: 6 });
    expect(await computeJobSuccess(db.prisma, fran, later)).toEqual(rulesLater);
    expect(await profile()).toEqual({ jobSuccessScore: 50, jobSuccessAt: later });
    expect((await snapshots()).map((s) => s.score)).toEqual([60, 50]);
  });

  it("looks only at freelancers touched since the last run, and at everyone on the day's first run", async () => {
    const other = (await makeUser(db.prisma, "FREELANCER")).id;
    const contractId = await endedPaidContract(db.prisma, { clientId: clients[0]!, freelancerId: other, endedAt: at(-3) });
    await rate(clients[0]!, contractId, 5, at(-3, 1));
    const record = (now: Date) => runRecorded({ prisma: db.prisma }, "update_reputation", now, { attempt: 1, workerId: "test" });
    // The first run of a day is a full pass; the next one that day looks at what happened since.
    expect(await record(at(-3, 2))).toMatchObject({ fullPass: true, computed: 2 });
    expect(await record(at(-3, 3))).toMatchObject({ fullPass: false, computed: 0, changed: 0 });
    expect(await record(at(-2))).toMatchObject({ fullPass: true, computed: 2, changed: 0 });
    // 1 paid contract with 5 stars: no score yet, but its counts are new once, so one snapshot.
    expect(await db.prisma.jobSuccessSnapshot.count({ where: { userId: other } })).toBe(1);
  });
});
