import { router } from "../../trpc";
import { changePasswordProcedure } from "./change-password";
import { getMeProcedure } from "./get-me";
import { getNoticesProcedure } from "./get-notices";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";

export const meRouter = router({ get: getMeProcedure, notices: getNoticesProcedure, changePassword: changePasswordProcedure, signOutEverywhere: signOutEverywhereProcedure });
