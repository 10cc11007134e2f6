import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { PrismaClient, Tx } from "../../client";
import { activeFixedContract, addCard, freshDatabase, key, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { buyConnects } from "../connects/buy-connects";
import { acceptOffer } from "../contracts/accept-offer";
import { fundMilestone } from "../contracts/fund-milestone";
import { invoiceHourlyWeeks } from "../contracts/invoice-hourly-weeks";
import { logTime } from "../contracts/log-time";
import { makeDirectOffer } from "../contracts/make-direct-offer";

// Found by `pnpm chaos` (bench/src/chaos.ts): operations that charge a card check the request
// before charging, outside the transaction that records it. Two things went wrong there when
// requests were replayed or doubled while the database was being killed.

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 8 });
});
afterAll(() => db.drop());

async function contractWithTwoMilestones() {
  const clientId = (await makeVerifiedClient(db.prisma)).id;
  const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
  const offer = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [10_000n, 20_000n] });
  return { clientId, milestoneIds: offer.milestoneIds };
}

async function until(condition: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const waitingOnLocks = async () =>
  Number((await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n);

/**
 * The client as seen by a request whose answer to COMMIT is lost once (the database restarted
 * as it answered): the transaction committed, the caller gets a connection error. `committed`
 * says which transaction that is. With `unreachableAfter`, the database then cannot be asked
 * whether the request finished.
 */
function losingOneCommitAnswer(committed: () => Promise<boolean>, options: { unreachableAfter?: boolean } = {}): PrismaClient {
  let lost = false;
  return new Proxy(db.prisma, {
    get(target, property) {
      if (property === "$transaction") {
        return async (fn: (tx: Tx) => Promise<unknown>, transactionOptions?: Parameters<PrismaClient["$transaction"]>[1]) => {
          const result = await target.$transaction(fn, transactionOptions);
          if (!lost && (await committed())) {
            lost = true;
            throw new Error("Connection terminated unexpectedly");
          }
          return result;
        };
      }
      if (property === "idempotencyRecord" && lost && options.unreachableAfter) {
        return { findUnique: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("the same card payment requested twice at once", () => {
  it("answers both with the first result when the second is checked after the first committed, and charges once", async () => {
    const { clientId, milestoneIds } = await contractWithTwoMilestones();
    const gateway = new RecordingGateway();
    // Funding the first milestone makes the client's funding account, which the test locks below.
    await fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId: milestoneIds[0]! }, { gateway });

    // Hold the first request inside its transaction (it has locked the milestone and waits for the
    // ledger account), so the second finds no finished request and then waits for the milestone.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "LedgerAccount" WHERE key = $1 FOR UPDATE`, [accountKey({ kind: "client_funding", userId: clientId })]);
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId: milestoneIds[1]! };
    const first = fundMilestone(db.prisma, input, { gateway });
    await until(async () => (await waitingOnLocks()) === 1, "the first request waits inside its transaction");
    const second = fundMilestone(db.prisma, input, { gateway });
    await until(async () => (await waitingOnLocks()) === 2, "the second request waits for the milestone");
    await blocker.query("COMMIT");
    await blocker.end();

    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ milestoneId: milestoneIds[1], status: "FUNDED", amountMinor: 20_000n });
    expect(gateway.charges.filter((charge) => charge.amountMinor === a.chargedMinor)).toHaveLength(1);
    expect(gateway.refunds).toEqual([]);
    expect(await db.prisma.ledgerTransfer.count({ where: { milestoneId: milestoneIds[1]!, operation: "milestone.fund" } })).toBe(3);
  });
});

describe("a card payment whose answer to COMMIT is lost", () => {
  it("keeps the charge and answers with the recorded result (milestone funding)", async () => {
    const { clientId, milestoneIds } = await contractWithTwoMilestones();
    const gateway = new RecordingGateway();
    const milestoneId = milestoneIds[0]!;
    const funded = async () => (await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).status === "FUNDED";

    const result = await fundMilestone(losingOneCommitAnswer(funded), { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });

    expect(result).toMatchObject({ milestoneId, status: "FUNDED", amountMinor: 10_000n });
    expect(gateway.charges).toHaveLength(1);
    expect(gateway.refunds).toEqual([]);
    expect(await db.prisma.charge.count({ where: { gatewayRef: result.chargeRef } })).toBe(1);
  });

  it("when the database cannot say what happened, keeps the charge for the replay, which charges nothing more", async () => {
    const { clientId, milestoneIds } = await contractWithTwoMilestones();
    const gateway = new RecordingGateway();
    const milestoneId = milestoneIds[0]!;
    const funded = async () => (await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).status === "FUNDED";
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId };

    await expect(fundMilestone(losingOneCommitAnswer(funded, { unreachableAfter: true }), input, { gateway })).rejects.toThrow("Connection terminated unexpectedly");
    expect(gateway.refunds).toEqual([]);

    const replayed = await fundMilestone(db.prisma, input, { gateway });
    expect(replayed).toMatchObject({ milestoneId, status: "FUNDED" });
    expect(gateway.charges).toHaveLength(1);
    expect(gateway.refunds).toEqual([]);
  });

  it("keeps the charge and answers with the recorded result (connects purchase)", async () => {
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const gateway = new RecordingGateway();
    const bought = async () => (await db.prisma.connectPurchase.count({ where: { userId: user.id } })) > 0;

    const result = await buyConnects(losingOneCommitAnswer(bought), { actorId: user.id, idempotencyKey: key(), now: NOW, bundleSize: 10, paidWith: "card", paymentMethodId: card.id }, { gateway });

    expect(result).toMatchObject({ connects: 10, priceMinor: 150n });
    expect(gateway.charges).toHaveLength(1);
    expect(gateway.refunds).toEqual([]);
  });

  it("keeps the charge of an hourly invoice (the runner's retry finds the week invoiced)", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const offer = await makeDirectOffer(db.prisma, {
      actorId: clientId, idempotencyKey: key(), now: NOW, freelancerId, title: "Support", terms: { type: "HOURLY", weeklyLimitHours: 10, hourlyRateMinor: 5_000n },
    });
    await acceptOffer(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId });
    const { weekId } = await logTime(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId, workedOn: NOW, minutes: 90, memo: "Tickets" });
    const gateway = new RecordingGateway();
    const invoiced = async () => (await db.prisma.hourlyWeek.findUniqueOrThrow({ where: { id: weekId } })).status === "INVOICED";
    const monday = new Date("2026-11-30T00:00:00Z");

    await expect(invoiceHourlyWeeks(losingOneCommitAnswer(invoiced), { now: monday }, { gateway })).rejects.toThrow("Connection terminated unexpectedly");
    expect(gateway.refunds).toEqual([]);
    expect(await db.prisma.charge.count({ where: { purpose: `hourly_week:${weekId}`, gatewayRef: gateway.charges[0]!.ref } })).toBe(1);
    // The runner's retry of the same job: nothing more is charged or refunded.
    await invoiceHourlyWeeks(db.prisma, { now: monday }, { gateway });
    expect(gateway.refunds).toEqual([]);
  });
});

describe("a card payment that loses its key to another request while it charges", () => {
  /** Runs `before` once, just before the first charge it sees (a request racing this one). */
  class RacingGateway extends RecordingGateway {
    constructor(private before: (() => Promise<unknown>) | null) {
      super();
    }
    override async charge(input: Parameters<RecordingGateway["charge"]>[0]) {
      const race = this.before;
      this.before = null;
      if (race) await race();
      return super.charge(input);
    }
  }

  it("refunds its charge and refuses the reused key (milestone funding)", async () => {
    const { clientId, milestoneIds } = await contractWithTwoMilestones();
    const sharedKey = key();
    const other = () => fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: sharedKey, now: NOW, milestoneId: milestoneIds[0]! }, { gateway: new RecordingGateway() });
    const gateway = new RacingGateway(other);

    await expect(fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: sharedKey, now: NOW, milestoneId: milestoneIds[1]! }, { gateway })).rejects.toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(gateway.charges).toHaveLength(1);
    expect(gateway.refunds).toEqual([expect.objectContaining({ chargeRef: gateway.charges[0]!.ref, amountMinor: gateway.charges[0]!.amountMinor })]);
    expect((await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneIds[1]! } })).status).not.toBe("FUNDED");
  });

  it("refunds its charge and refuses the reused key (connects purchase)", async () => {
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const sharedKey = key();
    const buy = (bundleSize: number, gateway: RecordingGateway) =>
      buyConnects(db.prisma, { actorId: user.id, idempotencyKey: sharedKey, now: NOW, bundleSize, paidWith: "card", paymentMethodId: card.id }, { gateway });
    const gateway = new RacingGateway(() => buy(10, new RecordingGateway()));

    await expect(buy(20, gateway)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(gateway.charges).toHaveLength(1);
    expect(gateway.refunds).toEqual([expect.objectContaining({ chargeRef: gateway.charges[0]!.ref })]);
    expect(await db.prisma.connectPurchase.count({ where: { userId: user.id } })).toBe(1);
  });
});
