import { router } from "../../trpc";
import { getMeProcedure } from "./get-me";

export const meRouter = router({ get: getMeProcedure });
