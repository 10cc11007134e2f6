import { accountKey, agedAvailableMinor, autoWithdrawalDecision, nextAutoWithdrawalRun, type AutoWithdrawalDecision, type MarketplaceSettings } from "@fairlance/rules";
import type { AutoWithdrawalSchedule, Db, PayoutMethodKind } from "../../client";
import { toRuleKind } from "./freelancer";

/** The schema's schedule as the rules name it. */
export const RULE_SCHEDULE = { WEEKLY: "weekly", TWICE_MONTHLY: "twice_monthly", MONTHLY: "monthly", QUARTERLY: "quarterly" } as const satisfies Record<AutoWithdrawalSchedule, string>;

/**
 * The instant up to which a freelancer's automatic runs are settled: `lastRunOn`, which saving the
 * schedule sets to the moment of saving and each run to the run instant it performed. A row saved
 * before saving recorded it falls back to when it was last changed.
 */
export const settledThrough = (setting: { lastRunOn: Date | null; updatedAt: Date }) => setting.lastRunOn ?? setting.updatedAt;

/** Available money older than the max age at `at` (credits to Available, spent oldest first). */
export async function agedAvailableFor(db: Db, userId: string, at: Date, maxAgeDays: number) {
  const account = await db.ledgerAccount.findUnique({ where: { key: accountKey({ kind: "freelancer_available", userId }) }, select: { id: true } });
  if (!account) return 0n;
  const [credits, debits] = await Promise.all([
    db.ledgerTransfer.findMany({ where: { creditAccountId: account.id }, select: { amountMinor: true, createdAt: true } }),
    db.ledgerTransfer.aggregate({ where: { debitAccountId: account.id }, _sum: { amountMinor: true } }),
  ]);
  return agedAvailableMinor({
    credits: credits.map((credit) => ({ amountMinor: credit.amountMinor, availableAt: credit.createdAt })),
    debitedMinor: debits._sum.amountMinor ?? 0n,
    now: at,
    settings: { autoWithdrawalMaxAgeDays: maxAgeDays },
  });
}

export interface AutoWithdrawalOutlook {
  /** The next run, exactly as the runner computes it (nextAutoWithdrawalRun). */
  runAt: Date;
  /** The run has come and the runner's next tick performs it. */
  due: boolean;
  /** The payout method's waiting days moved the run past the schedule's next run day. */
  waitsForMethod: boolean;
  /** When the payout method is past its waiting days. */
  methodUsableAt: Date;
  /** What that run would send if the Available balance were what it is now. */
  wouldSend: AutoWithdrawalDecision;
}

/** What the payouts page and the saved schedule show: the runner's next run and what it would send (economy.md §4). */
export async function autoWithdrawalOutlook(
  db: Db,
  input: {
    userId: string;
    setting: { schedule: AutoWithdrawalSchedule; thresholdMinor: bigint; lastRunOn: Date | null; updatedAt: Date };
    method: { kind: PayoutMethodKind; usableFrom: Date };
    availableMinor: bigint;
    now: Date;
    settings: Pick<MarketplaceSettings, "autoWithdrawalMaxAgeDays" | "autoWithdrawalMinimumThresholdMinor" | "payoutMethodFeesMinor" | "minWithdrawalNetMinor" | "payoutMethodWaitingDays">;
  },
): Promise<AutoWithdrawalOutlook> {
  const { setting, settings } = input;
  // Exactly the runner's call (runAutoWithdrawals): the moment the method became usable, fixed when it was added.
  const methodUsableAt = input.method.usableFrom;
  const next = nextAutoWithdrawalRun({ schedule: RULE_SCHEDULE[setting.schedule], settledThrough: settledThrough(setting), now: input.now, methodUsableAt });
  const at = next.due ? input.now : next.runAt;
  const wouldSend = autoWithdrawalDecision({
    availableMinor: input.availableMinor,
    agedMinor: await agedAvailableFor(db, input.userId, at, settings.autoWithdrawalMaxAgeDays),
    freelancerThresholdMinor: setting.thresholdMinor,
    methodKind: toRuleKind(input.method.kind),
    settings,
  });
  return { runAt: next.runAt, due: next.due, waitsForMethod: next.waitsForMethod, methodUsableAt, wouldSend };
}
