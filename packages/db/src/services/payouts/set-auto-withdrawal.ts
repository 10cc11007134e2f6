import { formatMoney, MAX_AMOUNT_MINOR } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { loadSettings } from "../../settings/load-settings";
import { requireFreelancer } from "./freelancer";

export const SetAutoWithdrawalInput = z.object({
  /** null turns automatic withdrawals off. */
  schedule: z.enum(["WEEKLY", "TWICE_MONTHLY", "MONTHLY", "QUARTERLY"]).nullable(),
  thresholdMinor: z.bigint("Enter the threshold in cents.").positive("Enter a threshold above $0.").max(MAX_AMOUNT_MINOR, "The threshold cannot be more than $100,000,000.00."),
  payoutMethodId: z.uuid("Choose a payout method."),
});

/** The automatic schedule and threshold (RULES 4: the threshold is at least the settings floor, $100 by default). */
export async function setAutoWithdrawal(prisma: PrismaClient, input: z.input<typeof SetAutoWithdrawalInput> & { actorId: string; now: Date }) {
  const data = SetAutoWithdrawalInput.parse(input);
  await requireFreelancer(prisma, input.actorId);
  if (data.schedule === null) {
    await prisma.autoWithdrawalSetting.deleteMany({ where: { userId: input.actorId } });
    return null;
  }
  const { settings } = await loadSettings(prisma, input.now);
  if (data.thresholdMinor < settings.autoWithdrawalMinimumThresholdMinor) {
    throw new DomainError(
      "INVALID_REQUEST",
      `Automatic withdrawals need a threshold of at least ${formatMoney(settings.autoWithdrawalMinimumThresholdMinor)}. You can still withdraw any amount from ${formatMoney(settings.withdrawalMinimumMinor)} by hand.`,
    );
  }
  const method = await prisma.payoutMethod.findFirst({ where: { id: data.payoutMethodId, userId: input.actorId }, select: { id: true } });
  if (!method) throw new DomainError("NOT_FOUND", "That payout method does not exist.");
  const values = { schedule: data.schedule, thresholdMinor: data.thresholdMinor, payoutMethodId: method.id };
  return prisma.autoWithdrawalSetting.upsert({
    where: { userId: input.actorId },
    create: { userId: input.actorId, ...values },
    update: values,
    select: { schedule: true, thresholdMinor: true, payoutMethodId: true },
  });
}
