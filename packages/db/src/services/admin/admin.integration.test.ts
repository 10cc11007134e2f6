import { DEFAULT_SETTINGS, settingValueFromJson } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, addCard, COVER_LETTER, days, freelancerWithConnects, freshDatabase, key, makeUser, makeVerifiedClient, openJob, type TestDatabase } from "../../testing";
import { browseLedgerTransfers, revenueByWeek } from "../../read/admin-ledger";
import { getAdminSettings, getSettingHistory } from "../../read/admin-settings";
import { previewSettingImpact } from "../../read/admin-impact";
import { searchAuditLog } from "../../read/admin-audit";
import { listUsersForAdmin } from "../../read/admin-users";
import type { PrismaClient } from "../../client";
import { loadSettings, settingRowsJson, settingsFromRows, type SettingRowJson } from "../../settings/load-settings";
import { buyConnects } from "../connects/buy-connects";
import { submitProposal } from "../jobs/submit-proposal";
import { withdraw } from "../payouts/withdraw";
import { addPayoutMethod } from "../payouts/add-payout-method";
import { changeSetting } from "./change-setting";
import { suspendUser, unsuspendUser } from "./suspend-user";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-11-26T10:00:00Z");

/** loadSettings' answer, checked against the same settings read as one JSON column (submitProposal's read). */
async function settingsAt(prisma: PrismaClient, at: Date) {
  const loaded = await loadSettings(prisma, at);
  const [row] = await prisma.$queryRaw<{ rows: SettingRowJson[] }[]>`SELECT ${settingRowsJson(at)} AS rows`;
  expect(settingsFromRows(row!.rows, at)).toEqual(loaded);
  return loaded;
}

describe("changeSetting (economy.md §0.5, §6)", () => {
  it("a future connect price applies to purchases after it, never to one before it; history keeps actor and reason", async () => {
    const admin = await makeUser(db.prisma, "ADMIN", { name: "Ada" });
    const fran = await makeUser(db.prisma, "FREELANCER", { name: "Fran" });
    const card = await addCard(db.prisma, fran.id);
    const change = await changeSetting(db.prisma, {
      actorId: admin.id,
      idempotencyKey: key(),
      now,
      key: "connectPriceMinor",
      value: 20n,
      effectiveFrom: days(now, 3),
      reason: "Cover card processing costs",
    });
    expect(change).toMatchObject({ key: "connectPriceMinor", before: 15n, after: 20n, effectiveFrom: days(now, 3) });

    const buy = (at: Date) => buyConnects(db.prisma, { actorId: fran.id, idempotencyKey: key(), now: at, bundleSize: 10, paidWith: "card", paymentMethodId: card.id });
    const before = await buy(days(now, 1));
    expect(before).toMatchObject({ connectPriceMinor: 15n, priceMinor: 150n });
    const after = await buy(days(now, 4));
    expect(after).toMatchObject({ connectPriceMinor: 20n, priceMinor: 200n, settingsVersion: change.versionId });
    // The earlier purchase keeps its price once the change is in force.
    expect(await db.prisma.connectPurchase.findUniqueOrThrow({ where: { id: before.purchaseId } })).toMatchObject({ priceMinor: 150n, connectPriceMinor: 15n });

    const history = await getSettingHistory(db.prisma, { actorId: admin.id, key: "connectPriceMinor", now: days(now, 4) });
    expect(history).toEqual([
      expect.objectContaining({ by: expect.objectContaining({ id: admin.id, name: "Ada" }), reason: "Cover card processing costs", before: "$0.15", after: "$0.20", status: "in_force" }),
    ]);
    const audit = await searchAuditLog(db.prisma, { actorId: admin.id, action: "setting.", text: "processing" });
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: "setting.change", targetType: "Setting", targetId: "connectPriceMinor", reason: "Cover card processing costs", actor: expect.objectContaining({ id: admin.id }) }),
    ]);
    const settingsNow = await getAdminSettings(db.prisma, { actorId: admin.id, now });
    expect(settingsNow.find((s) => s.key === "connectPriceMinor")).toMatchObject({ display: "$0.15", scheduled: [expect.objectContaining({ display: "$0.20" })] });

    const transfers = await browseLedgerTransfers(db.prisma, { actorId: admin.id, accountKey: "platform_revenue:connect_sales", userId: fran.id });
    expect(transfers.rows.map((row) => row.amountMinor)).toEqual([200n, 150n]);
    const weeks = await revenueByWeek(db.prisma, { actorId: admin.id, now: days(now, 5) });
    expect(weeks.flatMap((w) => w.byKind.filter((k) => k.kind === "connect_sales").map((k) => k.amountMinor)).reduce((a, b) => a + b, 0n)).toBe(350n);
  });

  it("refuses an invalid value, a past effective time, a missing reason and non-admins, and writes nothing", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const client = await makeUser(db.prisma, "CLIENT");
    const versions = await db.prisma.settingVersion.count();
    const input = { actorId: admin.id, idempotencyKey: key(), now, key: "clientFeeBps" as const, value: 400, effectiveFrom: null, reason: "Raise the client fee" };
    await expect(changeSetting(db.prisma, { ...input, value: 20_000 })).rejects.toMatchObject({ code: "SETTING_INVALID_VALUE" });
    await expect(changeSetting(db.prisma, { ...input, effectiveFrom: days(now, -1) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(changeSetting(db.prisma, { ...input, reason: " " })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(changeSetting(db.prisma, { ...input, actorId: client.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.settingVersion.count()).toBe(versions);
    // A replay of one request (a double click) records one version.
    const first = await changeSetting(db.prisma, input);
    expect(await changeSetting(db.prisma, input)).toEqual(first);
    expect(await db.prisma.settingVersion.count()).toBe(versions + 1);
    await expect(changeSetting(db.prisma, { ...input, value: 500 })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("a rate-card change keeps what proposals already cost; a fee change keeps a running contract's schedule", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const clientId = (await makeVerifiedClient(db.prisma, { name: "Cleo" })).id;
    const t = days(now, 10);
    const jobId = await openJob(db.prisma, clientId, t);
    const freelancerId = (await freelancerWithConnects(db.prisma, 50, t)).id;
    const proposal = await submitProposal(db.prisma, { actorId: freelancerId, jobId, idempotencyKey: key(), now: t, coverLetter: COVER_LETTER, bidMinor: 90_000n });
    const contract = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [10_000n], now: t });

    const card = { tiers: DEFAULT_SETTINGS.connectRateCard.tiers.map((tier) => ({ ...tier, connects: tier.connects * 2, shortConnects: tier.shortConnects * 2 })) };
    const impact = await previewSettingImpact(db.prisma, { actorId: admin.id, key: "connectRateCard", value: card, now: t });
    // The connect price in force is $0.20 since the first scenario.
    expect(impact.jobs.find((job) => job.jobId === jobId)).toMatchObject({ connectCost: 6, afterConnects: 12, costBeforeMinor: 120n, costAfterMinor: 240n });
    expect(impact.revenue).toMatchObject({ proposals: 1, connectsBefore: 6, connectsAfter: 12 });
    await changeSetting(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: t, key: "connectRateCard", value: card, effectiveFrom: null, reason: "Fewer, better proposals" });
    const fee = { model: "flat" as const, rateBps: 1_500 };
    await changeSetting(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: t, key: "feeSchedule", value: fee, effectiveFrom: null, reason: "Simpler fee for new contracts" });

    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.proposalId } })).toMatchObject({ connectCost: 6 });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ connectCost: 6 });
    const stored = await db.prisma.contract.findUniqueOrThrow({ where: { id: contract.contractId } });
    expect(settingValueFromJson("feeSchedule", stored.feeSchedule)).toMatchObject({ model: "tiered" });
    expect((await settingsAt(db.prisma, days(t, 1))).settings.feeSchedule).toEqual(fee);
    const newJob = await openJob(db.prisma, clientId, days(t, 1));
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: newJob } })).toMatchObject({ connectCost: 12 });
  });

  it("a change stored before the typed encoding is still read, and its idempotency key still replays it", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const effectiveFrom = new Date("2036-11-26T10:00:00.000Z");
    const reason = "Price set before the typed encoding";
    // What the earlier code wrote: the value {"$bigint"}-tagged, an untagged request hash (of the
    // request with the tagged value, computed by that code) and a tagged result with ISO dates.
    const version = await db.prisma.settingVersion.create({
      data: { key: "connectPriceMinor", value: { $bigint: "25" }, effectiveFrom, createdById: admin.id, reason, createdAt: now },
    });
    const idempotencyKey = key();
    await db.prisma.idempotencyRecord.create({
      data: {
        key: `settings.change:${admin.id}:${idempotencyKey}`,
        userId: admin.id,
        operation: "settings.change",
        requestHash: "e95f011d3a93507152ee086263705218016302bb1a4752b214b9a7ddc183ca20",
        result: { versionId: version.id, key: "connectPriceMinor", effectiveFrom: effectiveFrom.toISOString(), before: { $bigint: "20" }, after: { $bigint: "25" } },
      },
    });
    expect((await settingsAt(db.prisma, effectiveFrom)).settings.connectPriceMinor).toBe(25n);
    const change = { actorId: admin.id, idempotencyKey, now, key: "connectPriceMinor" as const, value: 25n, effectiveFrom, reason };
    expect(await changeSetting(db.prisma, change)).toEqual({ versionId: version.id, key: "connectPriceMinor", effectiveFrom, before: 20n, after: 25n });
    await expect(changeSetting(db.prisma, { ...change, value: 26n })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.prisma.settingVersion.count({ where: { effectiveFrom } })).toBe(1);

    // A new change is stored in the typed encoding and replays under its own key.
    const later = { ...change, idempotencyKey: key(), value: 30n, effectiveFrom: new Date("2037-01-01T00:00:00.000Z") };
    const made = await changeSetting(db.prisma, later);
    expect(await changeSetting(db.prisma, later)).toEqual(made);
    const row = await db.prisma.settingVersion.findUniqueOrThrow({ where: { id: made.versionId } });
    expect(row.value).toEqual({ json: "30", meta: { values: ["bigint"], v: 1 } });
    expect(await db.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: `settings.change:${admin.id}:${later.idempotencyKey}` } })).toMatchObject({ requestHash: expect.stringMatching(/^v2:[0-9a-f]{64}$/) });
    const audit = await searchAuditLog(db.prisma, { actorId: admin.id, action: "setting.change", text: reason });
    expect(audit.rows[0]).toMatchObject({ before: { value: 25n }, after: { value: 30n, versionId: made.versionId } });
    // An audit line from before the typed encoding reads the same way.
    await db.prisma.auditLog.create({
      data: { actorId: admin.id, action: "setting.change", targetType: "Setting", targetId: "connectPriceMinor", before: { value: { $bigint: "15" } }, after: { value: { $bigint: "20" } }, reason: "Legacy audit line", createdAt: now },
    });
    const legacy = await searchAuditLog(db.prisma, { actorId: admin.id, text: "Legacy audit line" });
    expect(legacy.rows[0]).toMatchObject({ before: { value: 15n }, after: { value: 20n } });
    expect(legacy.rows[0]).toMatchObject({ sentence: "Changed the setting Connect price", changes: [{ label: "Connect price", before: "$0.15", after: "$0.20" }] });
  });
});

describe("suspendUser / unsuspendUser", () => {
  it("leaves withdrawals to the payout hold, blocks what the policy refuses with the visible reason, is audit-logged, and can be lifted", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const fay = await makeUser(db.prisma, "FREELANCER", { name: "Fay Suspended" });
    const input = { actorId: admin.id, idempotencyKey: key(), now, userId: fay.id, reason: "Fake reviews reported" };
    expect(await suspendUser(db.prisma, input)).toMatchObject({ suspendedAt: now, suspendedReason: "Fake reviews reported" });
    await expect(suspendUser(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" });
    const method = await db.prisma.payoutMethod.create({ data: { userId: fay.id, kind: "ACH", label: "Bank", gatewayRef: "x", usableFrom: now }, select: { id: true } });
    // A suspension alone does not stop a withdrawal (economy.md §5.3): here only the empty balance does.
    await expect(withdraw(db.prisma, { actorId: fay.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: key(), now })).rejects.toMatchObject({
      code: "WITHDRAWAL_EXCEEDS_AVAILABLE",
    });
    await expect(addPayoutMethod(db.prisma, { actorId: fay.id, idempotencyKey: key(), kind: "ACH", account: "000123456789", label: "New bank", now })).rejects.toMatchObject({
      code: "ACCOUNT_SUSPENDED",
      message: "Your account is suspended (Fake reviews reported), so you cannot add payout methods.",
    });
    expect((await listUsersForAdmin(db.prisma, { actorId: admin.id, query: "fay susp", role: "CLIENT" })).users).toHaveLength(0);
    expect((await listUsersForAdmin(db.prisma, { actorId: admin.id, query: "Fay Susp", suspendedOnly: true })).users).toEqual([expect.objectContaining({ id: fay.id })]);
    await unsuspendUser(db.prisma, { ...input, idempotencyKey: key(), reason: "Reviews were genuine" });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: fay.id } })).toMatchObject({ suspendedAt: null, suspendedReason: null });
    expect((await db.prisma.auditLog.findMany({ where: { targetId: fay.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["user.suspend", "user.unsuspend"]);
    await expect(suspendUser(db.prisma, { ...input, idempotencyKey: key(), actorId: fay.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
