import { payoutHoldOf } from "../admin/hold-payouts";
import {
  accountKey,
  autoWithdrawalDecision,
  nextAutoWithdrawalRun,
  withdrawalEntries,
  type AutoWithdrawalReason,
} from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { balanceOf, postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { agedAvailableFor, RULE_SCHEDULE, settledThrough } from "./auto-withdrawal-plan";
import { toRuleKind } from "./freelancer";
import { settleWithdrawal } from "./settle-withdrawal";

export interface AutoWithdrawalRun {
  userId: string;
  reason: AutoWithdrawalReason | "not_due" | "payouts_held";
  withdrawalId: string | null;
}

/**
 * Time-driven (economy.md §4): performs each freelancer's next run once it is due, as
 * `nextAutoWithdrawalRun` computes it, the same function the payouts page shows the date of: the
 * first run instant after the last one settled at which the payout method is past its waiting days
 * (a run before that is not a run, so none is settled without paying for that reason).
 * A run sends the whole Available balance if it reaches the threshold, or only money older than
 * the max age otherwise. Runs missed while nothing ran are one run; the run's key is its run
 * day, and `lastRunOn` moves to it, so a second call for the same `now` changes nothing.
 */
export async function runAutoWithdrawals(prisma: PrismaClient, input: SystemCall, deps: { gateway?: PaymentGateway } = {}) {
  const settingsRows = await prisma.autoWithdrawalSetting.findMany({ select: { userId: true } });
  const runs: AutoWithdrawalRun[] = [];
  for (const { userId } of settingsRows) {
    const run = await runTransaction(prisma, async (tx): Promise<AutoWithdrawalRun> => {
      const [setting] = await tx.$queryRaw<{ schedule: keyof typeof RULE_SCHEDULE; thresholdMinor: bigint; payoutMethodId: string; lastRunOn: Date | null; updatedAt: Date }[]>`
        SELECT schedule, "thresholdMinor", "payoutMethodId", "lastRunOn", "updatedAt" FROM "AutoWithdrawalSetting" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
      if (!setting) return { userId, reason: "not_due", withdrawalId: null };
      const { settings } = await loadSettings(tx, input.now);
      const method = await tx.payoutMethod.findUniqueOrThrow({ where: { id: setting.payoutMethodId }, select: { id: true, kind: true, usableFrom: true } });
      const next = nextAutoWithdrawalRun({
        schedule: RULE_SCHEDULE[setting.schedule],
        settledThrough: settledThrough(setting),
        now: input.now,
        // When the method became usable, fixed when it was added (economy.md §1, §0.5): the page reads the same column.
        methodUsableAt: method.usableFrom,
      });
      if (!next.due) return { userId, reason: "not_due", withdrawalId: null };
      const day = next.settlesThrough;
      await tx.autoWithdrawalSetting.update({ where: { userId }, data: { lastRunOn: day } });

      // A suspension alone does not stop them; an admin's hold on the payouts does (economy.md §5.3).
      if ((await payoutHoldOf(tx, userId)) !== null) return { userId, reason: "payouts_held", withdrawalId: null };
      const ruleMethod = { kind: toRuleKind(method.kind) };

      await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE key = ${accountKey({ kind: "freelancer_available", userId })} FOR UPDATE`;
      const availableMinor = await balanceOf(tx, { kind: "freelancer_available", userId });
      const decision = autoWithdrawalDecision({
        availableMinor,
        agedMinor: await agedAvailableFor(tx, userId, input.now, settings.autoWithdrawalMaxAgeDays),
        freelancerThresholdMinor: setting.thresholdMinor,
        methodKind: ruleMethod.kind,
        settings,
      });
      if (!decision.payout) return { userId, reason: decision.reason, withdrawalId: null };
      const withdrawal = await tx.withdrawal.create({
        data: {
          userId,
          payoutMethodId: method.id,
          amountMinor: decision.amountMinor,
          feeMinor: decision.feeMinor,
          netMinor: decision.netMinor,
          automatic: true,
          status: "PROCESSING",
          createdAt: input.now,
        },
        select: { id: true },
      });
      await postTransfers(tx, withdrawalEntries({ freelancerId: userId, amountMinor: decision.amountMinor, feeMinor: decision.feeMinor }), {
        key: scopedKey({ operation: "payout.autoWithdraw", userId, key: day.toISOString().slice(0, 10) }),
        operation: "payout.autoWithdraw",
        now: input.now,
        userId,
      });
      return { userId, reason: decision.reason, withdrawalId: withdrawal.id };
    });
    if (run.withdrawalId) await settleWithdrawal(prisma, { withdrawalId: run.withdrawalId, now: input.now }, deps);
    runs.push(run);
  }
  return runs;
}

