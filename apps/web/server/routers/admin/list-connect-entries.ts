import { browseConnectEntries } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZConnectEntries, ZConnectEntriesInput } from "./ledger.schema";

/** Connects ledger entries by person or job, each with its reason. */
export const listConnectEntriesProcedure = adminProcedure
  .input(ZConnectEntriesInput)
  .output(ZConnectEntries)
  .query(({ ctx, input }) => browseConnectEntries(ctx.prisma, { ...input, ...ctx.caller }));
