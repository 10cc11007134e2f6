import { z } from "zod";

export const ZSubmitProposalOutput = z.object({
  proposalId: z.string(),
  jobId: z.string(),
  invited: z.boolean(),
  connectCost: z.number().int(),
  boostConnects: z.number().int(),
  connectsSpent: z.number().int(),
  settingsVersion: z.number().int(),
  submittedAt: z.date(),
});
