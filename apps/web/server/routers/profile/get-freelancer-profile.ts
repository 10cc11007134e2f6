import { getFreelancerProfile } from "@fairlance/db/read";
import { publicProcedure } from "../../trpc";
import { sessionUser } from "../../session-user";
import { ZFreelancerProfilePage, ZFreelancerRef } from "./profile.schema";

/**
 * A freelancer's public profile. Anyone may read it, signed in or not, as on any marketplace that
 * shows its talent: it holds nothing private (no email, no balances). A signed-in owner (a session
 * that still counts) also gets the completeness meter.
 */
export const getFreelancerProfileProcedure = publicProcedure
  .input(ZFreelancerRef)
  .output(ZFreelancerProfilePage)
  .query(async ({ ctx, input }) => {
    const viewer = await sessionUser(ctx.prisma, ctx.session);
    // The owner looking at their own page right after editing it reads the primary; others may read the replica.
    if (viewer?.id === input.freelancerId) return getFreelancerProfile(ctx.prisma, input.freelancerId, viewer.id, ctx.now());
    return ctx.mayBeStale((db) => getFreelancerProfile(db, input.freelancerId, viewer?.id ?? null, ctx.now()));
  });
