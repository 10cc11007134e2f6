import { getClientProfile } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";
import { ZClientProfilePage, ZClientRef } from "./profile.schema";

/** A client's profile and trust figures, for anyone signed in (a freelancer deciding whether to work with them). */
export const getClientProfileProcedure = protectedProcedure
  .input(ZClientRef)
  .output(ZClientProfilePage)
  .query(({ ctx, input }) =>
    // The client looking at their own page right after editing it reads the primary; others may read the replica.
    input.clientId === ctx.user.id ? getClientProfile(ctx.prisma, input.clientId, ctx.user.id) : ctx.mayBeStale((db) => getClientProfile(db, input.clientId, ctx.user.id)),
  );
