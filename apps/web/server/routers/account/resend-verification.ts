import { resendVerification } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZSentConfirmation } from "./account.schema";

/** "Send the link again": a new "Confirm your email" link (5 an hour). */
export const resendVerificationProcedure = protectedProcedure.output(ZSentConfirmation).mutation(({ ctx }) => resendVerification(ctx.prisma, ctx.caller));
