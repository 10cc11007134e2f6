import { removeAvatar } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZProfileAvatar } from "./profile.schema";

/** A freelancer or a client removes their profile photo. */
export const removeAvatarProcedure = partyProcedure.output(ZProfileAvatar).mutation(({ ctx }) => removeAvatar(ctx.prisma, ctx.caller));
