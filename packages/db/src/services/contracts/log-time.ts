import { TEXT_RULES, assertWithinWeeklyLimit, assertWorkStartGate, startOfUtcDay, startOfUtcWeek } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { isPaymentVerified } from "../payments/payment-verified";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { assertParty, lockRow, ruleStatus } from "./access";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const LogTimeInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  workedOn: z.date(),
  minutes: z.number().int("Log whole minutes.").min(1, "Log at least one minute.").max(1440, "A day has 1,440 minutes."),
  memo: Text(TEXT_RULES.logMemo),
});
export type LogTimeInput = z.input<typeof LogTimeInput>;

export interface LoggedTime {
  entryId: string;
  weekId: string;
  weekStart: Date;
  workedOn: Date;
  minutes: number;
  /** The week's total after this entry. */
  weekMinutes: number;
}

/**
 * The freelancer logs time on an active hourly contract (economy.md §3.4): only into the current week
 * (Monday 00:00 UTC on), never a future day, at most 24 h a day and the contract's weekly limit.
 * The week row is locked, so concurrent entries cannot together pass the limit.
 */
export async function logTime(prisma: PrismaClient, input: LogTimeInput & ActorCall): Promise<LoggedTime> {
  const data = parseCall(LogTimeInput, input);
  const workedOn = startOfUtcDay(data.workedOn);
  const weekStart = startOfUtcWeek(data.now);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "log time", { active: true });
    const request = { contractId: data.contractId, workedOn, minutes: data.minutes, memo: data.memo };
    const { result } = await idempotent(
      tx,
      { operation: "hourly.logTime", userId: data.actorId, key: data.idempotencyKey, request },
      async () => {
        const contract = await tx.contract.findUnique({
          where: { id: data.contractId },
          select: { id: true, clientId: true, freelancerId: true, type: true, status: true, weeklyLimitHours: true },
        });
        assertParty(contract, data.actorId, "freelancer");
        if (contract.type !== "HOURLY" || contract.weeklyLimitHours === null) throw new DomainError("INVALID_REQUEST", "Time is only logged on hourly contracts.");
        assertWorkStartGate({ contractStatus: ruleStatus(contract.status), clientPaymentVerified: await isPaymentVerified(tx, contract.clientId), contractType: "hourly" });
        if (startOfUtcWeek(workedOn).getTime() !== weekStart.getTime() || workedOn.getTime() > data.now.getTime()) {
          throw new DomainError("INVALID_REQUEST", "Time can only be logged for today or an earlier day of the current week (weeks start Monday 00:00 UTC).");
        }
        await tx.hourlyWeek.createMany({ data: [{ contractId: contract.id, weekStart }], skipDuplicates: true });
        const week = await tx.hourlyWeek.findUniqueOrThrow({ where: { contractId_weekStart: { contractId: contract.id, weekStart } }, select: { id: true } });
        await lockRow(tx, "HourlyWeek", week.id);
        const locked = await tx.hourlyWeek.findUniqueOrThrow({ where: { id: week.id }, select: { status: true, minutes: true } });
        if (locked.status !== "OPEN") throw new DomainError("CONFLICT", "This week has already been invoiced.");
        assertWithinWeeklyLimit({ loggedMinutes: locked.minutes, addMinutes: data.minutes, weeklyLimitHours: contract.weeklyLimitHours });
        const day = await tx.timeEntry.aggregate({ where: { weekId: week.id, workedOn }, _sum: { minutes: true } });
        if ((day._sum.minutes ?? 0) + data.minutes > 1440) throw new DomainError("INVALID_REQUEST", "A day has at most 24 hours to log.");
        const entry = await tx.timeEntry.create({
          data: { weekId: week.id, workedOn, minutes: data.minutes, memo: data.memo, createdAt: data.now },
          select: { id: true },
        });
        const updated = await tx.hourlyWeek.update({ where: { id: week.id }, data: { minutes: { increment: data.minutes } }, select: { minutes: true } });
        return { entryId: entry.id, weekId: week.id, weekStart, workedOn, minutes: data.minutes, weekMinutes: updated.minutes };
      },
      jsonCodec<LoggedTime>(),
    );
    return result;
  });
}
