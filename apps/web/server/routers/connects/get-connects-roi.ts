import { getConnectsRoi } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZConnectsRoiReport } from "./get-connects-roi.schema";

/** Connects spent → viewed → interviews → hires, in money (economy.md §8). */
export const getConnectsRoiProcedure = freelancerProcedure.output(ZConnectsRoiReport).query(({ ctx }) => getConnectsRoi(ctx.prisma, ctx.user.id, ctx.now()));
