import { checkInvariants } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZInvariantReport } from "./ledger.schema";

/** Runs every ledger invariant of economy.md §7 over the whole database, on request (it reads only). */
export const checkLedgerInvariantsProcedure = adminProcedure.output(ZInvariantReport).mutation(({ ctx }) => checkInvariants(ctx.prisma));
