import { router } from "../../trpc";
import { getBillingHistoryProcedure } from "./get-billing-history";

export const billingRouter = router({ history: getBillingHistoryProcedure });
