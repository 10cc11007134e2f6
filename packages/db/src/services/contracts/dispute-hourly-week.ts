import { assertDisputeWindowOpen } from "@fairlance/rules";
import { z } from "zod";
import type { HourlyWeekStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { assertParty, nextWeekStatus, requireRole } from "./access";
import { lockWeek } from "./hourly-escrow";

export const DisputeHourlyWeekInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  weekId: z.uuid(),
  reason: z.string().trim().min(1, "Say what is wrong with the invoiced hours.").max(2000),
});
export type DisputeHourlyWeekInput = z.input<typeof DisputeHourlyWeekInput>;

export interface DisputedWeek {
  weekId: string;
  status: HourlyWeekStatus;
  disputedAt: Date;
}

/** The client disputes an invoiced week until the end of Friday UTC (RULES 3.4): its money stays in escrow until an admin decides. */
export async function disputeHourlyWeek(prisma: PrismaClient, input: DisputeHourlyWeekInput): Promise<DisputedWeek> {
  const data = DisputeHourlyWeekInput.parse(input);
  return runTransaction(prisma, async (tx) => {
    await requireRole(tx, data.actorId, "CLIENT");
    const { result } = await idempotent(
      tx,
      { operation: "dispute_hourly_week", userId: data.actorId, key: data.idempotencyKey, request: { weekId: data.weekId, reason: data.reason } },
      async () => {
        const week = await lockWeek(tx, data.weekId);
        const contract = week ? await tx.contract.findUnique({ where: { id: week.contractId }, select: { clientId: true, freelancerId: true } }) : null;
        assertParty(contract, data.actorId, "client", "week");
        const status = nextWeekStatus(week!.status, "dispute");
        assertDisputeWindowOpen(week!.weekStart, data.now);
        await tx.hourlyWeek.update({ where: { id: data.weekId }, data: { status, disputedAt: data.now, disputeReason: data.reason } });
        return { weekId: data.weekId, status, disputedAt: data.now };
      },
      jsonCodec<DisputedWeek>(),
    );
    return result;
  });
}
