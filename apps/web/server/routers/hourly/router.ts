import { router } from "../../trpc";
import { disputeHourlyProcedure } from "./dispute-hourly";
import { logHourlyProcedure } from "./log-hourly";

export const hourlyRouter = router({ logTime: logHourlyProcedure, dispute: disputeHourlyProcedure });
