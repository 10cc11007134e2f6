import { browseLedgerTransfers } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZTransfers, ZTransfersInput } from "./ledger.schema";

/** Money ledger transfers by account key, person, job or contract. */
export const listLedgerTransfersProcedure = adminProcedure
  .input(ZTransfersInput)
  .output(ZTransfers)
  .query(({ ctx, input }) => browseLedgerTransfers(ctx.prisma, { ...input, ...ctx.caller }));
