import { z } from "zod";

export const ZLoggedTime = z.object({
  entryId: z.string(),
  weekId: z.string(),
  weekStart: z.date(),
  workedOn: z.date(),
  minutes: z.number().int(),
  weekMinutes: z.number().int(),
});

export const ZDisputedWeek = z.object({ weekId: z.string(), status: z.enum(["OPEN", "INVOICED", "DISPUTED", "RELEASED", "REFUNDED"]), disputedAt: z.date() });
