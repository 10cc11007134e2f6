import { listJobsForModeration } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZModerationJobs, ZModerationJobsInput } from "./moderation.schema";

/** Every job, by status, client and text, a page at a time; open ones can be removed. */
export const listModerationJobsProcedure = adminProcedure
  .input(ZModerationJobsInput)
  .output(ZModerationJobs)
  .query(({ ctx, input }) => listJobsForModeration(ctx.prisma, { ...input, ...ctx.caller }));
