import { router } from "../../trpc";
import { advanceClockProcedure } from "./advance-clock";
import { getClockProcedure } from "./get-clock";

export const clockRouter = router({ get: getClockProcedure, advance: advanceClockProcedure });
