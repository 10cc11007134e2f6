import { router } from "../../trpc";
import { requestPasswordResetProcedure, resetPasswordProcedure, verifyEmailProcedure } from "./account-links";
import { signUpProcedure } from "./sign-up";

export const authRouter = router({
  signUp: signUpProcedure,
  verifyEmail: verifyEmailProcedure,
  requestPasswordReset: requestPasswordResetProcedure,
  resetPassword: resetPasswordProcedure,
});
