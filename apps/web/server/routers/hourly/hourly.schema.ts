import { ZWeekStatus } from "../contract/contract.schema";
import { z } from "zod";

export const ZLoggedTime = z.object({
  entryId: z.string(),
  weekId: z.string(),
  weekStart: z.date(),
  workedOn: z.date(),
  minutes: z.number().int(),
  weekMinutes: z.number().int(),
});

export const ZDisputedWeek = z.object({ weekId: z.string(), status: ZWeekStatus, disputedAt: z.date(), disputeId: z.string() });
