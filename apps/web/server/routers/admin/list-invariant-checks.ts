import { INVARIANT_CHECKS, ledgerSize } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZInvariantChecks } from "./ledger.schema";

/** The ledger invariants of economy.md §7 the admin can run, and how many transfers and accounts they read. */
export const listInvariantChecksProcedure = adminProcedure
  .output(ZInvariantChecks)
  .query(async ({ ctx }) => ({ checks: [...INVARIANT_CHECKS], ...(await ledgerSize(ctx.prisma)) }));
