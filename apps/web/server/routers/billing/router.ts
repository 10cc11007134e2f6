import { router } from "../../trpc";
import { getBillingHistoryProcedure } from "./get-billing-history";
import { getBillingStatementProcedure } from "./get-billing-statement";

export const billingRouter = router({ history: getBillingHistoryProcedure, statement: getBillingStatementProcedure });
