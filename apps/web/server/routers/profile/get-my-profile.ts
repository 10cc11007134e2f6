import { getMyProfile } from "@fairlance/db/read";
import { partyProcedure } from "../../trpc";
import { ZMyProfile } from "./profile.schema";

/** The signed-in freelancer's or client's own profile, for editing (a freelancer's with its completeness). Admins have none. */
export const getMyProfileProcedure = partyProcedure.output(ZMyProfile).query(({ ctx }) => getMyProfile(ctx.prisma, ctx.user, ctx.now()));
