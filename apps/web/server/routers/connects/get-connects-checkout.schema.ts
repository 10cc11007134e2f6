import { z } from "zod";

export const ZConnectsCheckout = z.object({
  cards: z.array(z.object({ id: z.string(), brand: z.string(), last4: z.string() })),
  unverifiedCards: z.number().int(),
  earningsAllowed: z.boolean(),
  availableMinor: z.bigint(),
});
