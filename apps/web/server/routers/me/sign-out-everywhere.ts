import { signOutEverywhere } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZSessionsEnded } from "./change-password";

/** Ends every session of the person, on every device, this one included. */
export const signOutEverywhereProcedure = protectedProcedure.output(ZSessionsEnded).mutation(({ ctx }) => signOutEverywhere(ctx.prisma, ctx.caller));
