import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { people } from "./marketplace-fixtures";

let db: TestDatabase;
let the: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  db = await freshDatabase();
  the = await people(db.prisma);
  await the.grant(the.users.freelancer.id, 40);
  await db.prisma.freelancerProfile.update({
    where: { userId: the.users.freelancer.id },
    data: { title: "Accessibility auditor", skills: ["wcag", "aria"], hourlyRateMinor: 7_500n, jobSuccessScore: 94, avatarKey: "avatars/f.webp" },
  });
});
afterAll(() => db.drop());

const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_FOUND = { code: "NOT_FOUND" };

describe("talent.search", () => {
  it("finds freelancers for clients and admins, with page-ready cards; freelancers are refused", async () => {
    const found = await the.callers.client.talent.search({ q: "accessibility", skills: ["wcag"], minJobSuccess: 90 });
    expect(found).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(found.freelancers[0]).toMatchObject({
      id: the.users.freelancer.id,
      name: the.users.freelancer.name,
      hourlyRateMinor: 7_500n,
      jobSuccessScore: 94,
      avatarUrl: "/files/avatars/f.webp",
      totalEarnedMinor: 0n,
      // The card's stars reach the page (the output keeps them): none yet.
      rating: { count: 0, display: null, fromText: "No reviews yet" },
    });
    expect((await the.callers.admin.talent.search({ q: "accessibility" })).total).toBe(1);
    await expect(the.callers.freelancer.talent.search({})).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.talent.search({ minJobSuccess: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("invitation.mine and invitation.decline", () => {
  it("a freelancer sees the invitation, declines it with a reason, and the client reads it on the job", async () => {
    const jobId = await the.job();
    await the.callers.client.job.invite({ jobId, freelancerId: the.users.freelancer.id, idempotencyKey: key(), message: "Could you audit our site?" });
    const mine = await the.callers.freelancer.invitation.mine({ status: "PENDING" });
    const invitation = mine.invitations.find((row) => row.job.id === jobId)!;
    expect(invitation).toMatchObject({ message: "Could you audit our site?", status: "PENDING", jobOpen: true, canAnswer: true, client: { name: the.users.client.name } });
    await expect(the.callers.otherFreelancer.invitation.decline({ invitationId: invitation.id, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.invitation.decline({ invitationId: invitation.id, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.invitation.mine({})).rejects.toMatchObject(FORBIDDEN);
    expect(await the.callers.otherFreelancer.invitation.mine({})).toMatchObject({ invitations: [], total: 0 });
    const declined = await the.callers.freelancer.invitation.decline({ invitationId: invitation.id, idempotencyKey: key(), reason: "Booked this month" });
    expect(declined).toMatchObject({ status: "DECLINED", declineReason: "Booked this month" });
    const page = await the.callers.client.job.getMine({ jobId });
    expect(page.invitations).toEqual([expect.objectContaining({ status: "DECLINED", declineReason: "Booked this month", note: `${the.users.freelancer.name} declined your invitation: "Booked this month"` })]);
  });

  it("a proposal to an invitation costs 0 connects and accepts it", async () => {
    const jobId = await the.job();
    await the.callers.client.job.invite({ jobId, freelancerId: the.users.freelancer.id, idempotencyKey: key(), message: "Please apply." });
    const proposal = await the.callers.freelancer.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    expect(proposal).toMatchObject({ invited: true, connectsSpent: 0 });
    const mine = await the.callers.freelancer.invitation.mine({});
    expect(mine.invitations.find((row) => row.job.id === jobId)).toMatchObject({ status: "ACCEPTED", canAnswer: false, note: "You answered with a proposal." });
  });
});

describe("saved.*", () => {
  it("freelancers save jobs, clients save freelancers; each list is the caller's own; the other role is refused", async () => {
    const jobId = await the.job();
    const saved = await the.callers.freelancer.saved.saveJob({ jobId });
    expect(await the.callers.freelancer.saved.saveJob({ jobId })).toEqual(saved);
    expect((await the.callers.freelancer.saved.jobs()).map((row) => row.job.id)).toEqual([jobId]);
    expect(await the.callers.otherFreelancer.saved.jobs()).toEqual([]);
    await expect(the.callers.client.saved.saveJob({ jobId })).rejects.toMatchObject(FORBIDDEN);
    expect(await the.callers.freelancer.saved.unsaveJob({ jobId })).toMatchObject({ saved: false });
    expect(await the.callers.freelancer.saved.jobs()).toEqual([]);

    const freelancerId = the.users.freelancer.id;
    expect(await the.callers.client.saved.saveFreelancer({ freelancerId })).toMatchObject({ freelancerId, saved: true });
    expect((await the.callers.client.saved.freelancers()).map((row) => row.id)).toEqual([freelancerId]);
    expect(await the.callers.otherClient.saved.freelancers()).toEqual([]);
    await expect(the.callers.freelancer.saved.saveFreelancer({ freelancerId })).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.saved.saveFreelancer({ freelancerId: the.users.otherClient.id })).rejects.toMatchObject(NOT_FOUND);
    expect(await the.callers.client.saved.unsaveFreelancer({ freelancerId })).toMatchObject({ saved: false });
    expect(await the.callers.client.saved.freelancers()).toEqual([]);
  });
});
