import { z } from "zod";

export const ZCloseJobOutput = z.object({
  jobId: z.string(),
  status: z.string(),
  proposalsClosed: z.number().int(),
  connectsRefunded: z.number().int(),
  refunds: z.array(z.object({ proposalId: z.string(), freelancerId: z.string(), connects: z.number().int() })),
});
