import { z } from "zod";

export const ZConnectsCheckout = z.object({
  cards: z.array(z.object({ id: z.string(), brand: z.string(), last4: z.string() })),
  unverifiedCards: z.number().int(),
  earningsAllowed: z.boolean(),
  availableMinor: z.bigint(),
  membershipQuote: z.object({ chargeMinor: z.bigint(), connects: z.number().int(), resumes: z.boolean(), cycleEndsAt: z.date() }).nullable(),
});
