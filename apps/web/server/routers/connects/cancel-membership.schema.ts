import { z } from "zod";

export const ZCancelMembershipOutput = z.object({ membershipId: z.string(), status: z.enum(["ACTIVE", "CANCELLED", "LAPSED"]), activeUntil: z.date() });
