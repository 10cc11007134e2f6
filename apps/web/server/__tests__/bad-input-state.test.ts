import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { changesNothing, expectRefused, fingerprint, httpApi, type Reply } from "./bad-input-kit";
import { buildWorld, NOW, type World } from "./bad-input-world";
import { days } from "./money-helpers";

let db: TestDatabase;
let w: World;
let api: ReturnType<typeof httpApi>;
const cookies = new Map<string, string>();
const clock = { now: NOW };

beforeAll(async () => {
  db = await freshDatabase();
  w = await buildWorld(db.prisma);
  api = httpApi(db.prisma, clock);
}, 120_000);
afterAll(() => db.drop());

const cookie = (who: TestUser) => {
  if (!cookies.has(who.id)) cookies.set(who.id, api.signIn(who));
  return cookies.get(who.id)!;
};
const send = (who: TestUser, path: string, input?: unknown) => api.send(cookie(who), path, input);

interface Refusal {
  name: string;
  as: () => TestUser;
  path: string;
  input: () => unknown;
  status: number;
  message: RegExp;
}

/** Sends each request and checks its refusal, then that the database is exactly as before. */
async function refuseAll(group: string, refusals: Refusal[]) {
  await changesNothing(db.prisma, group, async () => {
    const problems: string[] = [];
    for (const refusal of refusals) {
      const reply: Reply = await send(refusal.as(), refusal.path, refusal.input());
      try {
        expectRefused(reply, refusal.name);
        expect(`${reply.status} ${reply.error?.message}`, refusal.name).toMatch(new RegExp(`^${refusal.status} ${refusal.message.source}`));
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    }
    expect(problems).toEqual([]);
  });
}

const people = () => w.people;
const client = () => w.people.client;
const freelancer = () => w.people.freelancer;

describe("actions out of order or beyond what a person has: 4xx, a sentence, nothing changes", () => {
  it("milestones, contracts, proposals, connects and payouts", async () => {
    const milestone = (milestoneId: () => string) => () => ({ idempotencyKey: key(), milestoneId: milestoneId() });
    const withdraw = (amountMinor: bigint, payoutMethodId = () => w.payoutMethods.mine) => () => ({ idempotencyKey: key(), payoutMethodId: payoutMethodId(), amountMinor });
    await refuseAll("out of order", [
      { name: "approve before funding", as: client, path: "milestone.approve", input: milestone(() => w.milestones.unfunded), status: 422, message: /You cannot approve a milestone that is not funded yet\./ },
      { name: "approve twice", as: client, path: "milestone.approve", input: milestone(() => w.milestones.approved), status: 422, message: /You cannot approve a milestone that is approved\./ },
      { name: "give back after approval", as: freelancer, path: "milestone.refund", input: milestone(() => w.milestones.approved), status: 422, message: /You cannot refund a milestone that is approved\./ },
      { name: "fund twice", as: client, path: "milestone.fund", input: milestone(() => w.milestones.funded), status: 422, message: /You cannot fund a milestone that is funded\./ },
      { name: "submit work before funding", as: freelancer, path: "milestone.submit", input: milestone(() => w.milestones.unfunded), status: 422, message: /The current milestone is not funded: do not start work until it is\./ },
      { name: "request changes before funding", as: client, path: "milestone.requestChanges", input: () => ({ ...milestone(() => w.milestones.unfunded)(), message: "More" }), status: 422, message: /You cannot request changes on a milestone that is not funded yet\./ },
      { name: "withdraw more than available", as: freelancer, path: "payout.withdraw", input: withdraw(85_001n), status: 422, message: /You have \$850\.00 available to withdraw\./ },
      { name: "withdraw money still pending", as: () => people().otherFreelancer, path: "payout.withdraw", input: withdraw(1_000n, () => w.payoutMethods.other), status: 422, message: /You have \$0\.00 available to withdraw\./ },
      { name: "withdraw below the $1 minimum", as: freelancer, path: "payout.withdraw", input: withdraw(99n), status: 422, message: /You can withdraw \$1\.00 or more\./ },
      { name: "withdraw to a method still waiting", as: freelancer, path: "payout.withdraw", input: withdraw(1_000n, () => w.payoutMethods.notYetUsable), status: 422, message: /This payout method can be used from 2026-12-04\./ },
      { name: "automatic withdrawals below $100", as: freelancer, path: "payout.setAuto", input: () => ({ schedule: "WEEKLY", thresholdMinor: 5_000n, payoutMethodId: w.payoutMethods.mine }), status: 400, message: /Automatic withdrawals need a threshold of at least \$100\.00\./ },
      {
        name: "spend connects you do not have",
        as: () => people().brokeFreelancer,
        path: "proposal.submit",
        input: () => ({ idempotencyKey: key(), jobId: w.jobs.openUnproposed, coverLetter: COVER_LETTER, bidMinor: 90_000n }),
        status: 422,
        message: /This needs 6 connects and you have 0\./,
      },
      {
        name: "boost with more connects than you have",
        as: freelancer,
        path: "proposal.submit",
        input: () => ({ idempotencyKey: key(), jobId: w.jobs.openUnproposed, coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects: 1_000 }),
        status: 422,
        message: /This needs 1,006 connects and you have 82\./,
      },
      { name: "propose twice on one job", as: freelancer, path: "proposal.submit", input: () => ({ idempotencyKey: key(), jobId: w.jobs.open, coverLetter: COVER_LETTER, bidMinor: 90_000n }), status: 422, message: /You have already sent a proposal for this job\./ },
      { name: "withdraw a proposal twice", as: freelancer, path: "proposal.withdraw", input: () => ({ idempotencyKey: key(), proposalId: w.proposals.withdrawn }), status: 422, message: /You cannot withdraw a proposal that is withdrawn\./ },
      { name: "hire on a withdrawn proposal", as: client, path: "contract.hire", input: () => ({ idempotencyKey: key(), proposalId: w.proposals.withdrawn, terms: { type: "FIXED", milestones: [{ title: "All", amountMinor: 90_000n }] } }), status: 422, message: /You cannot send an offer on a proposal that is withdrawn\./ },
      { name: "buy connects from earnings (off)", as: freelancer, path: "connects.buy", input: () => ({ idempotencyKey: key(), bundleSize: 10, paidWith: "earnings" }), status: 422, message: /Connects can only be bought with a payment method right now\./ },
      { name: "buy a bundle that is not offered", as: freelancer, path: "connects.buy", input: () => ({ idempotencyKey: key(), bundleSize: 7, paidWith: "card", paymentMethodId: w.cards.freelancerCard }), status: 422, message: /Connects are sold in bundles of 10, 20, 40, 60, 80\./ },
      { name: "cancel a membership you do not have", as: freelancer, path: "connects.cancelMembership", input: () => undefined, status: 404, message: /You do not have a Freelancer Plus membership\./ },
      { name: "take back more connects than the balance", as: () => people().admin, path: "admin.people.revokeConnects", input: () => ({ idempotencyKey: key(), freelancerId: freelancer().id, connects: 100_000, reason: "Mistake" }), status: 422, message: /Fran has 82 connects; you can take back at most that many\./ },
      { name: "accept an active contract", as: freelancer, path: "contract.accept", input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed }), status: 422, message: /You cannot accept a contract that is active\./ },
      { name: "a bonus on an offer not yet accepted", as: client, path: "contract.payBonus", input: () => ({ idempotencyKey: key(), contractId: w.contracts.offered, amountMinor: 5_000n }), status: 422, message: /This can only be done on an active contract\./ },
      { name: "publish a job twice", as: client, path: "job.publish", input: () => ({ idempotencyKey: key(), jobId: w.jobs.open }), status: 422, message: /You cannot publish a job that is open\./ },
      { name: "log time on a fixed-price contract", as: freelancer, path: "hourly.logTime", input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed, workedOn: NOW, minutes: 30, memo: "Work" }), status: 400, message: /Time is only logged on hourly contracts\./ },
      { name: "log more than the weekly limit", as: freelancer, path: "hourly.logTime", input: () => ({ idempotencyKey: key(), contractId: w.contracts.hourly, workedOn: NOW, minutes: 601, memo: "Work" }), status: 422, message: /This week is limited to 10 hours\./ },
      { name: "log time in the future", as: freelancer, path: "hourly.logTime", input: () => ({ idempotencyKey: key(), contractId: w.contracts.hourly, workedOn: days(30), minutes: 30, memo: "Work" }), status: 400, message: /Time can only be logged for today or an earlier day of the current week/ },
      { name: "a milestone below the minimum", as: client, path: "milestone.add", input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed, milestone: { title: "Tiny", amountMinor: 100n } }), status: 422, message: /A milestone must be at least \$5\.00\./ },
      { name: "a setting effective in the past", as: () => people().admin, path: "admin.settings.change", input: () => ({ idempotencyKey: key(), key: "connectPriceMinor", value: 20n, effectiveFrom: days(-1), reason: "Back-dated" }), status: 400, message: /A change cannot take effect in the past\./ },
      { name: "verify with the wrong code", as: client, path: "paymentMethod.verify", input: () => ({ idempotencyKey: key(), paymentMethodId: w.cards.unverifiedCard, code: "000000" }), status: 400, message: /That verification code is not right\./ },
    ]);
  });

  it("disputing an invoice after its window closed", async () => {
    clock.now = days(30);
    try {
      await refuseAll("late dispute", [
        { name: "dispute late", as: client, path: "hourly.dispute", input: () => ({ idempotencyKey: key(), weekId: w.weeks.mine, reason: "Too many hours" }), status: 422, message: /This week's invoice can only be disputed from the Monday after it until the end of Friday/ },
      ]);
    } finally {
      clock.now = NOW;
    }
  });
});

describe("other people's objects and other roles' procedures: 403 or 404, nothing changes", () => {
  it("payout methods, milestones, contracts, proposals, jobs, cards and hourly weeks of someone else", async () => {
    const notFound = /(That|This) [a-z ]+ (does not exist|was not found)\./;
    const item = (name: string, as: () => TestUser, path: string, input: () => unknown): Refusal => ({ name, as, path, input, status: 404, message: notFound });
    const milestone = (milestoneId: () => string) => () => ({ idempotencyKey: key(), milestoneId: milestoneId() });
    await refuseAll("other people's ids", [
      item("withdraw to another's payout method", freelancer, "payout.withdraw", () => ({ idempotencyKey: key(), payoutMethodId: w.payoutMethods.other, amountMinor: 1_000n })),
      item("automatic withdrawals to another's method", freelancer, "payout.setAuto", () => ({ schedule: "WEEKLY", thresholdMinor: 20_000n, payoutMethodId: w.payoutMethods.other })),
      item("fund another client's milestone", client, "milestone.fund", milestone(() => w.milestones.others[1])),
      item("approve another client's milestone", client, "milestone.approve", milestone(() => w.milestones.others[1])),
      item("give back another freelancer's milestone", freelancer, "milestone.refund", milestone(() => w.milestones.others[1])),
      item("submit work on another freelancer's milestone", freelancer, "milestone.submit", milestone(() => w.milestones.others[1])),
      item("add a milestone to another's contract", client, "milestone.add", () => ({ idempotencyKey: key(), contractId: w.contracts.others, milestone: { title: "Mine now", amountMinor: 20_000n } })),
      item("a bonus on another's contract", client, "contract.payBonus", () => ({ idempotencyKey: key(), contractId: w.contracts.others, amountMinor: 5_000n })),
      item("end another's contract", client, "contract.end", () => ({ idempotencyKey: key(), contractId: w.contracts.others, reason: "Mine now" })),
      item("accept another freelancer's offer", freelancer, "contract.accept", () => ({ idempotencyKey: key(), contractId: w.contracts.otherOffered })),
      item("hire on another client's job", client, "contract.hire", () => ({ idempotencyKey: key(), proposalId: w.proposals.onOtherClientsJob, terms: { type: "FIXED", milestones: [{ title: "All", amountMinor: 90_000n }] } })),
      item("withdraw another freelancer's proposal", freelancer, "proposal.withdraw", () => ({ idempotencyKey: key(), proposalId: w.proposals.other })),
      item("shortlist on another client's job", client, "proposal.shortlist", () => ({ idempotencyKey: key(), proposalId: w.proposals.onOtherClientsJob })),
      item("message on another freelancer's proposal", freelancer, "message.send", () => ({ idempotencyKey: key(), proposalId: w.proposals.other, body: "Hello" })),
      item("log time on another freelancer's contract", freelancer, "hourly.logTime", () => ({ idempotencyKey: key(), contractId: w.contracts.otherHourly, workedOn: NOW, minutes: 30, memo: "Work" })),
      item("dispute another client's invoice", client, "hourly.dispute", () => ({ idempotencyKey: key(), weekId: w.weeks.other, reason: "Not mine" })),
      item("buy connects with another's card", freelancer, "connects.buy", () => ({ idempotencyKey: key(), bundleSize: 10, paidWith: "card", paymentMethodId: w.cards.clientCard })),
      item("subscribe with another's card", freelancer, "connects.subscribe", () => ({ idempotencyKey: key(), paymentMethodId: w.cards.clientCard })),
      item("verify another client's card", client, "paymentMethod.verify", () => ({ idempotencyKey: key(), paymentMethodId: w.cards.otherUnverifiedCard, code: "123456" })),
      item("publish another client's draft", client, "job.publish", () => ({ idempotencyKey: key(), jobId: w.jobs.otherDraft })),
      item("close another client's job", client, "job.close", () => ({ idempotencyKey: key(), jobId: w.jobs.otherOpen })),
      item("edit another client's job", client, "job.edit", () => ({ idempotencyKey: key(), jobId: w.jobs.otherOpen, changes: { budgetMinor: 1_000n } })),
      // The role is checked before the input is read: claiming a role in the input changes nothing.
      { name: "grant yourself connects, claiming to be an admin", as: freelancer, path: "admin.people.grantConnects", input: () => ({ idempotencyKey: key(), freelancerId: freelancer().id, connects: 1_000, reason: "Free", role: "ADMIN" }), status: 403, message: /Only admins can do this\./ },
      { name: "grant yourself connects as a freelancer", as: freelancer, path: "admin.people.grantConnects", input: () => ({ idempotencyKey: key(), freelancerId: freelancer().id, connects: 1_000, reason: "Free" }), status: 403, message: /Only admins can do this\./ },
      { name: "a client buying connects", as: client, path: "connects.buy", input: () => ({ idempotencyKey: key(), bundleSize: 10, paidWith: "card", paymentMethodId: w.cards.clientCard }), status: 403, message: /Only freelancers can do this\./ },
      { name: "a freelancer funding escrow", as: freelancer, path: "milestone.fund", input: milestone(() => w.milestones.unfunded), status: 403, message: /Only clients can do this\./ },
      { name: "a freelancer changing a setting", as: freelancer, path: "admin.settings.change", input: () => ({ idempotencyKey: key(), key: "connectPriceMinor", value: 0n, effectiveFrom: null, reason: "Free connects" }), status: 403, message: /Only admins can do this\./ },
    ]);
  });
});

describe("idempotency keys over HTTP", () => {
  const replays: { name: string; as: () => TestUser; path: string; input: () => Record<string, unknown>; other: () => Record<string, unknown> }[] = [
    { name: "connects.buy", as: freelancer, path: "connects.buy", input: () => ({ bundleSize: 10, paidWith: "card", paymentMethodId: w.cards.freelancerCard }), other: () => ({ bundleSize: 20 }) },
    { name: "proposal.submit", as: freelancer, path: "proposal.submit", input: () => ({ jobId: w.jobs.openUnproposed, coverLetter: COVER_LETTER, bidMinor: 90_000n }), other: () => ({ bidMinor: 80_000n }) },
    { name: "milestone.fund", as: client, path: "milestone.fund", input: () => ({ milestoneId: w.milestones.unfunded }), other: () => ({ milestoneId: w.milestones.unfundedToo }) },
    { name: "payout.withdraw", as: freelancer, path: "payout.withdraw", input: () => ({ payoutMethodId: w.payoutMethods.mine, amountMinor: 10_000n }), other: () => ({ amountMinor: 20_000n }) },
    { name: "contract.payBonus", as: client, path: "contract.payBonus", input: () => ({ contractId: w.contracts.fixed, amountMinor: 5_000n }), other: () => ({ amountMinor: 6_000n }) },
    { name: "admin.people.grantConnects", as: () => people().admin, path: "admin.people.grantConnects", input: () => ({ freelancerId: freelancer().id, connects: 10, reason: "Goodwill" }), other: () => ({ connects: 20 }) },
    { name: "job.post", as: client, path: "job.post", input: () => ({ title: "Write docs", description: "Documentation for our public API, with examples.", type: "FIXED", budgetMinor: 50_000n, durationDays: 10, experienceLevel: "ENTRY", skills: ["writing"], publish: true }), other: () => ({ title: "Write more docs" }) },
  ];

  const replayed = new Map<string, Record<string, unknown>>();
  for (const replay of replays) {
    it(`${replay.name}: the same key and input replays the first result, applied once; another input is 409`, async () => {
      const idempotencyKey = key();
      const first = await send(replay.as(), replay.path, { ...replay.input(), idempotencyKey });
      expect(first.status, first.text).toBe(200);
      replayed.set(replay.name, { ...replay.input(), idempotencyKey });
      const after = await fingerprint(db.prisma);
      await changesNothing(db.prisma, `${replay.name} replay`, async () => {
        const again = await send(replay.as(), replay.path, { ...replay.input(), idempotencyKey });
        expect(again.status, again.text).toBe(200);
        expect(again.data).toEqual(first.data);
        const conflicting = await send(replay.as(), replay.path, { ...replay.input(), ...replay.other(), idempotencyKey });
        expectRefused(conflicting, `${replay.name} conflicting`);
        expect(conflicting.status).toBe(409);
        expect(conflicting.error?.message).toBe("This request key was already used for a different request. Reload the page and try again.");
      });
      expect(await fingerprint(db.prisma)).toEqual(after);
    });
  }

  it("a key is the person's own: another freelancer sending Fran's key and input gets their own answer, not Fran's", async () => {
    const used = replayed.get("proposal.submit")!;
    const theirs = await send(people().brokeFreelancer, "proposal.submit", used);
    expect(theirs.status, theirs.text).toBe(422);
    expect(theirs.error?.message).toBe("This needs 6 connects and you have 0.");
  });
});

describe("fields a caller may not set are refused with their names, and change nothing", () => {
  const extras = () => ({
    role: "ADMIN",
    balance: 1_000_000,
    balanceMinor: 10n ** 12n,
    userId: people().otherFreelancer.id,
    actorId: people().otherFreelancer.id,
    clientId: people().otherClient.id,
  });
  const refusedFields = async (who: TestUser, path: string, input: Record<string, unknown>, fields: string[], context: string) => {
    await changesNothing(db.prisma, context, async () => {
      const reply = await send(who, path, input);
      expect(reply.status, reply.text).toBe(400);
      expect(reply.error?.message, context).toMatch(/(is not a field|are not fields) you can set\. Nothing was changed\.$/);
      for (const field of fields.slice(0, 5)) expect(reply.error?.message, context).toContain(`"${field}"`);
      expect(reply.error?.message, context).toMatch(/Nothing was changed\.$/);
    });
  };

  it("buying connects with a made-up price, count, role and owner", async () => {
    await refusedFields(
      freelancer(),
      "connects.buy",
      { idempotencyKey: key(), bundleSize: 10, paidWith: "card", paymentMethodId: w.cards.freelancerCard, ...extras(), connects: 100_000, priceMinor: 1n },
      ["role", "balance", "balanceMinor", "userId", "actorId"],
      "connects.buy with extras",
    );
  });

  it("withdrawing with a made-up fee and net", async () => {
    await refusedFields(
      freelancer(),
      "payout.withdraw",
      { idempotencyKey: key(), payoutMethodId: w.payoutMethods.mine, amountMinor: 5_000n, feeMinor: 0n, netMinor: 10n ** 9n },
      ["feeMinor", "netMinor"],
      "payout.withdraw with extras",
    );
  });

  it("funding escrow with a made-up amount and fee", async () => {
    await refusedFields(client(), "milestone.fund", { idempotencyKey: key(), milestoneId: w.milestones.unfundedToo, amountMinor: 1n, clientFeeMinor: 0n }, ["amountMinor", "clientFeeMinor"], "milestone.fund with extras");
  });

  it("a proposal with a made-up cost, author and invitation", async () => {
    await refusedFields(
      people().otherFreelancer,
      "proposal.submit",
      { idempotencyKey: key(), jobId: w.jobs.openUnproposed, coverLetter: COVER_LETTER, bidMinor: 90_000n, freelancerId: freelancer().id, connectCost: 0, invited: true },
      ["freelancerId", "connectCost", "invited"],
      "proposal.submit with extras",
    );
  });

  it("a card with a made-up status, nested fields included", async () => {
    await refusedFields(
      client(),
      "paymentMethod.add",
      { idempotencyKey: key(), card: { number: "4000 0025 0000 3155", expMonth: 12, expYear: 2035, cvc: "123", status: "VERIFIED" } },
      ["card.status"],
      "paymentMethod.add with a nested extra",
    );
  });

  it("the same requests without the extras go through", async () => {
    const reply = await send(client(), "milestone.fund", { idempotencyKey: key(), milestoneId: w.milestones.unfundedToo });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.data).toMatchObject({ amountMinor: 20_000n, clientFeeMinor: 600n, chargedMinor: 20_600n });
  });
});
