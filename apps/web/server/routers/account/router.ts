import { router } from "../../trpc";
import { changeEmailProcedure } from "./change-email";
import { changeNameProcedure } from "./change-name";
import { endSessionProcedure } from "./end-session";
import { getAccountProcedure } from "./get-account";
import { resendVerificationProcedure } from "./resend-verification";

export const accountRouter = router({
  get: getAccountProcedure,
  changeName: changeNameProcedure,
  changeEmail: changeEmailProcedure,
  resendVerification: resendVerificationProcedure,
  endSession: endSessionProcedure,
});
