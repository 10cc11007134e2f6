import { router } from "../../trpc";
import { changePasswordProcedure } from "./change-password";
import { getMeProcedure } from "./get-me";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";

export const meRouter = router({ get: getMeProcedure, changePassword: changePasswordProcedure, signOutEverywhere: signOutEverywhereProcedure });
