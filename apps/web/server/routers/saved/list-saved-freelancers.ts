import { listSavedFreelancers } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZSavedFreelancers } from "./saved.schema";

/** A client's saved freelancers, most recent first, as talent search's cards. */
export const listSavedFreelancersProcedure = clientProcedure.output(ZSavedFreelancers).query(({ ctx }) => listSavedFreelancers(ctx.prisma, ctx.user.id));
