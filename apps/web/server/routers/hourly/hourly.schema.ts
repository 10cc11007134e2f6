import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";

export const ZLogTimeInput = z.object({
  idempotencyKey: IdempotencyKey,
  contractId: z.uuid(),
  workedOn: z.date(),
  minutes: z.number().int("Log whole minutes.").min(1, "Log at least one minute.").max(1440, "A day has 1,440 minutes."),
  memo: z.string().trim().min(1, "Say what you worked on.").max(500),
});
export const ZLoggedTime = z.object({
  entryId: z.string(),
  weekId: z.string(),
  weekStart: z.date(),
  workedOn: z.date(),
  minutes: z.number().int(),
  weekMinutes: z.number().int(),
});

export const ZDisputeWeekInput = z.object({
  idempotencyKey: IdempotencyKey,
  weekId: z.uuid(),
  reason: z.string().trim().min(1, "Say what is wrong with the invoiced hours.").max(2000),
});
export const ZDisputedWeek = z.object({ weekId: z.string(), status: z.enum(["OPEN", "INVOICED", "DISPUTED", "RELEASED", "REFUNDED"]), disputedAt: z.date() });
