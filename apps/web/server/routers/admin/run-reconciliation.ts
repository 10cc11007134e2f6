import { RunReconciliationInput, runReconciliation } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZReconciliationRun } from "./ledger.schema";

/** Reconciles the gateway's charges, refunds and payouts with the ledger's rows now, and stores the report. */
export const runReconciliationProcedure = adminProcedure
  .input(RunReconciliationInput)
  .output(ZReconciliationRun)
  .mutation(({ ctx, input }) => runReconciliation(ctx.prisma, { ...input, ...ctx.caller }));
