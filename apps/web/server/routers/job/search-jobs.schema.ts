import { z } from "zod";
import { SearchJobsInput } from "@fairlance/db/read";
import { ZExperienceLevel, ZJobType } from "./shared.schema";

export const ZSearchJobsInput = SearchJobsInput;

export const ZSearchJobsOutput = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      type: ZJobType,
      budgetMinor: z.bigint().nullable(),
      hourlyMinMinor: z.bigint().nullable(),
      hourlyMaxMinor: z.bigint().nullable(),
      estimatedHours: z.number().int().nullable(),
      durationDays: z.number().int(),
      experienceLevel: ZExperienceLevel,
      skills: z.array(z.string()),
      connectCost: z.number().int().nullable(),
      publishedAt: z.date().nullable(),
      proposalCount: z.number().int(),
    }),
  ),
  total: z.number().int(),
  /** Counting stopped at the cap: more than `total` jobs match (read/search-jobs.ts, JOB_SEARCH_COUNT_AHEAD). */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  maxPage: z.number().int(),
  rankedNewest: z.number().int().nullable(),
});
