import { z } from "zod";

/** What withdrawing or declining returns, with why connects did or did not come back. */
export const ZEndedProposal = z.object({
  proposalId: z.string(),
  status: z.string(),
  connectsRefunded: z.number().int(),
  explanation: z.string(),
});

export const ZViewedProposal = z.object({ proposalId: z.string(), status: z.string(), viewedAt: z.date().nullable() });
