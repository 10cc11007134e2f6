import {
  accountKey,
  agedAvailableMinor,
  autoWithdrawalDecision,
  isAutoWithdrawalDay,
  isPayoutMethodUsable,
  startOfUtcDay,
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
import { toRuleKind } from "./freelancer";
import { settleWithdrawal } from "./settle-withdrawal";

const RULE_SCHEDULE = { WEEKLY: "weekly", TWICE_MONTHLY: "twice_monthly", MONTHLY: "monthly", QUARTERLY: "quarterly" } as const;

export interface AutoWithdrawalRun {
  userId: string;
  reason: AutoWithdrawalReason | "not_a_run_day" | "already_ran_today" | "method_not_usable" | "suspended";
  withdrawalId: string | null;
}

/**
 * Time-driven (economy.md §4): on a freelancer's scheduled day, sends the whole
 * Available balance if it reaches the threshold, or only money older than the
 * max age otherwise. One run per freelancer per day (keyed by the day), so a
 * second run for the same `now` changes nothing.
 */
export async function runAutoWithdrawals(prisma: PrismaClient, input: SystemCall, deps: { gateway?: PaymentGateway } = {}) {
  const day = startOfUtcDay(input.now);
  const settingsRows = await prisma.autoWithdrawalSetting.findMany({ select: { userId: true } });
  const runs: AutoWithdrawalRun[] = [];
  for (const { userId } of settingsRows) {
    const run = await runTransaction(prisma, async (tx): Promise<AutoWithdrawalRun> => {
      const [setting] = await tx.$queryRaw<{ schedule: keyof typeof RULE_SCHEDULE; thresholdMinor: bigint; payoutMethodId: string; lastRunOn: Date | null }[]>`
        SELECT schedule, "thresholdMinor", "payoutMethodId", "lastRunOn" FROM "AutoWithdrawalSetting" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
      if (!setting || !isAutoWithdrawalDay(RULE_SCHEDULE[setting.schedule], day)) return { userId, reason: "not_a_run_day", withdrawalId: null };
      if (setting.lastRunOn && setting.lastRunOn.getTime() >= day.getTime()) return { userId, reason: "already_ran_today", withdrawalId: null };
      await tx.autoWithdrawalSetting.update({ where: { userId }, data: { lastRunOn: day } });

      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { suspendedAt: true } });
      if (user.suspendedAt) return { userId, reason: "suspended", withdrawalId: null };
      const { settings } = await loadSettings(tx, input.now);
      const method = await tx.payoutMethod.findUniqueOrThrow({ where: { id: setting.payoutMethodId }, select: { id: true, kind: true, createdAt: true } });
      const ruleMethod = { kind: toRuleKind(method.kind), addedAt: method.createdAt };
      if (!isPayoutMethodUsable(ruleMethod, input.now, settings)) return { userId, reason: "method_not_usable", withdrawalId: null };

      await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE key = ${accountKey({ kind: "freelancer_available", userId })} FOR UPDATE`;
      const availableMinor = await balanceOf(tx, { kind: "freelancer_available", userId });
      const decision = autoWithdrawalDecision({
        availableMinor,
        agedMinor: await agedMinor(tx, userId, input.now, settings.autoWithdrawalMaxAgeDays),
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

/** Available money older than the max age (credits to Available, spent oldest first). */
async function agedMinor(tx: Parameters<Parameters<typeof runTransaction>[1]>[0], userId: string, now: Date, maxAgeDays: number) {
  const account = await tx.ledgerAccount.findUnique({ where: { key: accountKey({ kind: "freelancer_available", userId }) }, select: { id: true } });
  if (!account) return 0n;
  const [credits, debits] = await Promise.all([
    tx.ledgerTransfer.findMany({ where: { creditAccountId: account.id }, select: { amountMinor: true, createdAt: true } }),
    tx.ledgerTransfer.aggregate({ where: { debitAccountId: account.id }, _sum: { amountMinor: true } }),
  ]);
  return agedAvailableMinor({
    credits: credits.map((credit) => ({ amountMinor: credit.amountMinor, availableAt: credit.createdAt })),
    debitedMinor: debits._sum.amountMinor ?? 0n,
    now,
    settings: { autoWithdrawalMaxAgeDays: maxAgeDays },
  });
}
