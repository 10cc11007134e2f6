import { router } from "../../trpc";
import { signUpProcedure } from "./sign-up";

export const authRouter = router({ signUp: signUpProcedure });
