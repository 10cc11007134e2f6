import { getPublicTerms } from "@fairlance/db/read";
import { publicProcedure } from "../../trpc";
import { ZPublicTerms } from "./terms.schema";

/** The numbers page text states (fees, withdrawal minimums, boost slots), as the settings in force now say; anyone may read them. */
export const getTermsProcedure = publicProcedure.output(ZPublicTerms).query(({ ctx }) => getPublicTerms(ctx.prisma, ctx.now()));
