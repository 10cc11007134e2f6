import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earn, freshDatabase, key, makeUser, type TestDatabase } from "../../testing";
import { getPayoutsOverview, quoteWithdrawal } from "../../read/payout-pages";
import { changeSetting } from "../admin/change-setting";
import { addPayoutMethod } from "./add-payout-method";
import { clearPending } from "./clear-pending";
import { setAutoWithdrawal } from "./set-auto-withdrawal";
import { withdraw } from "./withdraw";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const day = 86_400_000;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

describe("a payout method's waiting days (economy.md §1, §0.5)", () => {
  it("are fixed when it is added: a later change of the setting moves only methods added after it, on the page, in a withdrawal and for the automatic run", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 100_000n, now: t0 });
    const add = (label: string, now: Date) =>
      addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000123456789", label, now });
    const before = await add("Checking", t0);
    expect(before.usableFrom).toEqual(at(3));

    // From day 1, a new method waits 7 days; the one added before keeps its 3.
    await changeSetting(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: t0, key: "payoutMethodWaitingDays", value: 7, effectiveFrom: at(1), reason: "More time to catch account takeovers" });
    const after = await add("Savings", at(2));
    expect(after.usableFrom).toEqual(at(9));

    await clearPending(db.prisma, { now: at(5) });
    const page = await getPayoutsOverview(db.prisma, freelancer.id, at(5));
    expect(page.methods.map((m) => [m.label, m.usableFrom, m.usable])).toEqual([
      ["Checking (…6789)", at(3), true],
      ["Savings (…6789)", at(9), false],
    ]);
    expect(await quoteWithdrawal(db.prisma, { freelancerId: freelancer.id, payoutMethodId: before.id, amountMinor: 10_000n, now: at(5) })).toMatchObject({ netMinor: 10_000n });
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: before.id, amountMinor: 10_000n, idempotencyKey: key(), now: at(5) });
    await expect(withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: after.id, amountMinor: 10_000n, idempotencyKey: key(), now: at(5) })).rejects.toMatchObject({
      code: "PAYOUT_METHOD_NOT_YET_USABLE",
      message: "This payout method can be used from 2026-03-11.",
    });

    // The automatic schedule's next run follows the same stored moment.
    const saved = await setAutoWithdrawal(db.prisma, { actorId: freelancer.id, now: at(5), schedule: "WEEKLY", thresholdMinor: 10_000n, payoutMethodId: before.id });
    expect(saved?.nextRun.waitsForMethod).toBe(false);
    const onSavings = await setAutoWithdrawal(db.prisma, { actorId: freelancer.id, now: at(5), schedule: "WEEKLY", thresholdMinor: 10_000n, payoutMethodId: after.id });
    expect(onSavings?.nextRun.methodUsableAt).toEqual(at(9));
  });
});
