import { getConnectsRoi } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZConnectsRoiReport } from "./get-connects-roi.schema";

/** Connects spent → viewed → interviews → hires, in money (economy.md §8): history, so it may read the replica; the balance (connects.overview) reads the primary. */
export const getConnectsRoiProcedure = freelancerProcedure.output(ZConnectsRoiReport).query(({ ctx }) => ctx.mayBeStale((db) => getConnectsRoi(db, ctx.user.id, ctx.now())));
