import { accountKey, addDays, payoutMethodFee, planManualWithdrawal, smallestNet, smallestWithdrawal, startOfUtcWeek } from "@fairlance/rules";
import type { AutoWithdrawalSchedule, Db, PayoutMethodKind, WithdrawalStatus } from "../client";
import { DomainError } from "../errors";
import { autoWithdrawalOutlook } from "../services/payouts/auto-withdrawal-plan";
import { toRuleKind } from "../services/payouts/freelancer";
import { getEarnings } from "./earnings";
import { loadSettings } from "../settings/load-settings";

const balanceOf = async (db: Db, key: string) =>
  (await db.ledgerAccount.findUnique({ where: { key }, select: { balanceMinor: true } }))?.balanceMinor ?? 0n;

/** The payouts page (economy.md §4): methods with their fee and "usable from", Available, the schedule and past withdrawals. */
export async function getPayoutsOverview(db: Db, freelancerId: string, now: Date) {
  const { settings } = await loadSettings(db, now);
  const [methods, auto, withdrawals, availableMinor] = await Promise.all([
    db.payoutMethod.findMany({ where: { userId: freelancerId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, label: true, usableFrom: true, createdAt: true } }),
    db.autoWithdrawalSetting.findUnique({
      where: { userId: freelancerId },
      select: { schedule: true, thresholdMinor: true, payoutMethodId: true, lastRunOn: true, updatedAt: true },
    }),
    db.withdrawal.findMany({
      where: { userId: freelancerId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, createdAt: true, amountMinor: true, feeMinor: true, netMinor: true, status: true, automatic: true, failureReason: true, payoutMethod: { select: { label: true } } },
    }),
    balanceOf(db, accountKey({ kind: "freelancer_available", userId: freelancerId })),
  ]);
  // The runner's own next run (nextAutoWithdrawalRun) and what it would send with today's balance.
  const autoMethod = auto ? methods.find((m) => m.id === auto.payoutMethodId) : undefined;
  const outlook = auto && autoMethod ? await autoWithdrawalOutlook(db, { userId: freelancerId, setting: auto, method: autoMethod, availableMinor, now, settings }) : null;
  const hold = await db.user.findUnique({ where: { id: freelancerId }, select: { payoutsHeldAt: true, payoutsHeldReason: true } });
  const fees = (Object.keys(settings.payoutMethodFeesMinor) as (keyof typeof settings.payoutMethodFeesMinor)[]).map((kind) => ({ kind, feeMinor: settings.payoutMethodFeesMinor[kind] }));
  return {
    /** An admin's hold (economy.md §5.3): no withdrawal, manual or automatic, until released. */
    payoutsHeld: hold?.payoutsHeldAt ? { since: hold.payoutsHeldAt, reason: hold.payoutsHeldReason ?? "contact support" } : null,
    availableMinor,
    withdrawalMinimumMinor: settings.withdrawalMinimumMinor,
    /** The least a withdrawal must pay after its method's fee (economy.md §4). */
    minimumNetMinor: smallestNet(settings),
    autoWithdrawalMaxAgeDays: settings.autoWithdrawalMaxAgeDays,
    autoThresholdMinimumMinor: settings.autoWithdrawalMinimumThresholdMinor,
    waitingDays: settings.payoutMethodWaitingDays,
    feesByKind: fees,
    methods: methods.map((m) => ({
      id: m.id,
      kind: m.kind as PayoutMethodKind,
      label: m.label,
      usableFrom: m.usableFrom,
      usable: now.getTime() >= m.usableFrom.getTime(),
      feeMinor: payoutMethodFee(toRuleKind(m.kind), settings),
      /** The smallest withdrawal to this method: the minimum, or its fee plus the smallest useful payout. */
      smallestMinor: smallestWithdrawal(toRuleKind(m.kind), settings),
    })),
    auto: auto && outlook
      ? {
          schedule: auto.schedule as AutoWithdrawalSchedule,
          thresholdMinor: auto.thresholdMinor,
          payoutMethodId: auto.payoutMethodId,
          nextRunAt: outlook.runAt,
          nextRun: outlook,
        }
      : null,
    withdrawals: withdrawals.map((w) => ({
      id: w.id,
      createdAt: w.createdAt,
      amountMinor: w.amountMinor,
      feeMinor: w.feeMinor,
      netMinor: w.netMinor,
      status: w.status as WithdrawalStatus,
      automatic: w.automatic,
      failureReason: w.failureReason,
      methodLabel: w.payoutMethod.label,
    })),
  };
}

/** A manual withdrawal before it is confirmed: the method fee and the net (refusals are the rules' sentences). */
export async function quoteWithdrawal(db: Db, input: { freelancerId: string; payoutMethodId: string; amountMinor: bigint; now: Date }) {
  const method = await db.payoutMethod.findFirst({ where: { id: input.payoutMethodId, userId: input.freelancerId }, select: { kind: true, usableFrom: true, label: true } });
  if (!method) throw new DomainError("NOT_FOUND", "That payout method does not exist.");
  const { settings } = await loadSettings(db, input.now);
  const availableMinor = await balanceOf(db, accountKey({ kind: "freelancer_available", userId: input.freelancerId }));
  const quote = planManualWithdrawal({ amountMinor: input.amountMinor, availableMinor, method: { kind: toRuleKind(method.kind), usableFrom: method.usableFrom }, now: input.now, settings });
  return { ...quote, methodLabel: method.label, availableMinor };
}

/** Net earned per week (payments released to the freelancer), oldest first, for the earnings chart. */
export async function earningsByWeek(db: Db, freelancerId: string, now: Date, weeks = 12) {
  const firstWeek = addDays(startOfUtcWeek(now), -7 * (weeks - 1));
  const payments = await db.payment.findMany({
    where: { freelancerId, releasedAt: { gte: firstWeek } },
    select: { releasedAt: true, grossMinor: true, feeMinor: true, netMinor: true },
  });
  const rows = Array.from({ length: weeks }, (_, index) => {
    const weekStart = addDays(firstWeek, 7 * index);
    const inWeek = payments.filter((p) => startOfUtcWeek(p.releasedAt).getTime() === weekStart.getTime());
    return {
      weekStart,
      grossMinor: inWeek.reduce((sum, p) => sum + p.grossMinor, 0n),
      feeMinor: inWeek.reduce((sum, p) => sum + p.feeMinor, 0n),
      netMinor: inWeek.reduce((sum, p) => sum + p.netMinor, 0n),
    };
  });
  const max = rows.reduce((m, row) => (row.netMinor > m ? row.netMinor : m), 0n);
  // Bar heights for the chart, in thousandths of the tallest week (a ratio, not an amount).
  return rows.map((row) => ({ ...row, heightPermille: max === 0n ? 0 : Number((row.netMinor * 1000n) / max) }));
}

/**
 * The earnings overview with each history event described in words a person recognises (the
 * ledger's memos name milestones by id): the milestone's title or the hourly week, and the contract's.
 */
export async function getEarningsPage(db: Db, freelancerId: string) {
  const earnings = await getEarnings(db, freelancerId);
  const events = earnings.history.events;
  const contractIds = [...new Set(events.flatMap((e) => (e.contractId ? [e.contractId] : [])))];
  const milestoneIds = [...new Set(events.flatMap((e) => (e.milestoneId ? [e.milestoneId] : [])))];
  const weekIds = [...new Set(events.flatMap((e) => (e.payment?.hourlyWeekId ? [e.payment.hourlyWeekId] : [])))];
  const [contracts, milestones, weeks] = await Promise.all([
    db.contract.findMany({ where: { id: { in: contractIds } }, select: { id: true, title: true } }),
    db.milestone.findMany({ where: { id: { in: milestoneIds } }, select: { id: true, title: true } }),
    db.hourlyWeek.findMany({ where: { id: { in: weekIds } }, select: { id: true, weekStart: true } }),
  ]);
  const contractTitle = new Map(contracts.map((c) => [c.id, c.title]));
  const milestoneTitle = new Map(milestones.map((m) => [m.id, m.title]));
  const weekStart = new Map(weeks.map((w) => [w.id, w.weekStart]));
  return {
    ...earnings,
    history: {
      ...earnings.history,
      events: events.map((event) => {
        const contract = event.contractId ? contractTitle.get(event.contractId) : undefined;
        const milestone = event.milestoneId ? milestoneTitle.get(event.milestoneId) : undefined;
        const week = event.payment?.hourlyWeekId ? weekStart.get(event.payment.hourlyWeekId) : undefined;
        const what = milestone ? `“${milestone}”` : week ? `Week of ${week.toISOString().slice(0, 10)}` : event.payment?.kind === "BONUS" ? "Bonus" : undefined;
        const detail = contract ? (what ? `${what} — ${contract}` : contract) : event.memo;
        return { ...event, detail };
      }),
    },
  };
}
