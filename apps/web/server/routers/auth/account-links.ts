import { z } from "zod";
import { requestPasswordReset, RequestPasswordResetInput, resetPassword, ResetPasswordInput, verifyEmail, VerifyEmailInput } from "@fairlance/db/services";
import { publicProcedure } from "../../trpc";

export const ZVerifiedEmail = z.object({ email: z.string(), changed: z.boolean() });
export const ZResetRequested = z.object({ message: z.string() });
export const ZPasswordReset = z.object({ email: z.string() });

/** The /verify-email page's button: the link's address becomes the account's confirmed email (economy.md §13). */
export const verifyEmailProcedure = publicProcedure
  .input(VerifyEmailInput)
  .output(ZVerifiedEmail)
  .mutation(({ ctx, input }) => verifyEmail(ctx.prisma, { ...input, now: ctx.now() }));

/** "Forgot your password": the same answer whether or not an account uses the address; throttled per email and per address. */
export const requestPasswordResetProcedure = publicProcedure
  .input(RequestPasswordResetInput)
  .output(ZResetRequested)
  .mutation(({ ctx, input }) => requestPasswordReset(ctx.prisma, { ...input, ip: ctx.clientAddress, now: ctx.now() }));

/** The /reset-password form: a new password from the emailed link; every session of the person ends. */
export const resetPasswordProcedure = publicProcedure
  .input(ResetPasswordInput)
  .output(ZPasswordReset)
  .mutation(({ ctx, input }) => resetPassword(ctx.prisma, { ...input, now: ctx.now() }));
