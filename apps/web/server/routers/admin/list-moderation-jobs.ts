import { listJobsForModeration } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZModerationJobs, ZModerationJobsInput } from "./moderation.schema";

/** Open jobs an admin may remove, searchable by title. */
export const listModerationJobsProcedure = adminProcedure
  .input(ZModerationJobsInput)
  .output(ZModerationJobs)
  .query(({ ctx, input }) => listJobsForModeration(ctx.prisma, { ...input, ...ctx.caller }));
