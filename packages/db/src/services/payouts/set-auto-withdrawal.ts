import { accountKey, formatMoney } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { loadSettings } from "../../settings/load-settings";
import { requireActor, type ActorCall } from "../actor";
import { requireConfirmedEmail } from "../account/confirmed-email";
import { Amount, PayoutMethodId } from "../fields";
import { parseCall } from "../input";
import { autoWithdrawalOutlook } from "./auto-withdrawal-plan";

/** What the freelancer sets; who acts and when come with the call (ActorCall). */
export const SetAutoWithdrawalInput = z.strictObject({
  /** null turns automatic withdrawals off. */
  schedule: z.enum(["WEEKLY", "TWICE_MONTHLY", "MONTHLY", "QUARTERLY"], "Choose a schedule.").nullable(),
  thresholdMinor: Amount("threshold"),
  payoutMethodId: PayoutMethodId,
});
export type SetAutoWithdrawalInput = z.input<typeof SetAutoWithdrawalInput>;

/**
 * The automatic schedule and threshold (economy.md §4: the threshold is at least the settings floor,
 * $100 by default). Saving settles every run up to now: the first run is the next run day after the
 * moment of saving, and the answer says when it is and what it would send with today's balance.
 */
export async function setAutoWithdrawal(prisma: PrismaClient, input: SetAutoWithdrawalInput & ActorCall) {
  const data = parseCall(SetAutoWithdrawalInput, input);
  await requireActor(prisma, data, "FREELANCER", "set up automatic withdrawals");
  if (data.schedule === null) {
    await prisma.autoWithdrawalSetting.deleteMany({ where: { userId: data.actorId } });
    return null;
  }
  const { settings } = await loadSettings(prisma, data.now);
  await requireConfirmedEmail(prisma, data.actorId, "withdraw", settings);
  if (data.thresholdMinor < settings.autoWithdrawalMinimumThresholdMinor) {
    throw new DomainError(
      "INVALID_REQUEST",
      `Automatic withdrawals need a threshold of at least ${formatMoney(settings.autoWithdrawalMinimumThresholdMinor)}. You can still withdraw any amount from ${formatMoney(settings.withdrawalMinimumMinor)} by hand.`,
    );
  }
  const method = await prisma.payoutMethod.findFirst({ where: { id: data.payoutMethodId, userId: data.actorId }, select: { id: true, kind: true, usableFrom: true } });
  if (!method) throw new DomainError("NOT_FOUND", "That payout method does not exist.");
  const values = { schedule: data.schedule, thresholdMinor: data.thresholdMinor, payoutMethodId: method.id, lastRunOn: data.now, updatedAt: data.now };
  const saved = await prisma.autoWithdrawalSetting.upsert({
    where: { userId: data.actorId },
    create: { userId: data.actorId, ...values },
    update: values,
    select: { schedule: true, thresholdMinor: true, payoutMethodId: true, lastRunOn: true, updatedAt: true },
  });
  const account = await prisma.ledgerAccount.findUnique({ where: { key: accountKey({ kind: "freelancer_available", userId: data.actorId }) }, select: { balanceMinor: true } });
  const outlook = await autoWithdrawalOutlook(prisma, { userId: data.actorId, setting: saved, method, availableMinor: account?.balanceMinor ?? 0n, now: data.now, settings });
  return { schedule: saved.schedule, thresholdMinor: saved.thresholdMinor, payoutMethodId: saved.payoutMethodId, nextRun: outlook };
}
