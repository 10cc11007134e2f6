import { z } from "zod";
import { ZJobStatus, ZJobType } from "../job/shared.schema";
import { ZTalentCard } from "../talent/talent.schema";

export const ZSavedJobAnswer = z.object({ jobId: z.string(), saved: z.boolean(), savedAt: z.date().nullable() });
export const ZSavedFreelancerAnswer = z.object({ freelancerId: z.string(), saved: z.boolean(), savedAt: z.date().nullable() });

export const ZSavedJobs = z.array(
  z.object({
    job: z.object({
      id: z.string(),
      title: z.string(),
      type: ZJobType,
      status: ZJobStatus,
      budgetMinor: z.bigint().nullable(),
      hourlyMinMinor: z.bigint().nullable(),
      hourlyMaxMinor: z.bigint().nullable(),
      skills: z.array(z.string()),
      connectCost: z.number().int().nullable(),
      proposalCount: z.number().int(),
      publishedAt: z.date().nullable(),
    }),
    savedAt: z.date(),
    open: z.boolean(),
    proposed: z.boolean(),
    note: z.string(),
  }),
);

export const ZSavedFreelancers = z.array(ZTalentCard.extend({ savedAt: z.date() }));
