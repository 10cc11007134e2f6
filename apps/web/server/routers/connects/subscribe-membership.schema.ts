import { z } from "zod";

export const ZSubscribeMembershipOutput = z.object({
  membershipId: z.string(),
  outcome: z.enum(["started", "resumed"]),
  anchorAt: z.date(),
  currentPeriodStart: z.date(),
  currentPeriodEnd: z.date(),
  chargedMinor: z.bigint(),
  connectsGranted: z.number().int(),
  remainingDays: z.number().int(),
  cycleDays: z.number().int(),
  settingsVersion: z.number().int(),
  chargeRef: z.string().nullable(),
});
