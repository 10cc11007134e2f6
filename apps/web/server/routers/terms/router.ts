import { router } from "../../trpc";
import { getTermsProcedure } from "./get-terms";

export const termsRouter = router({ get: getTermsProcedure });
