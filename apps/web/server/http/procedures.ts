import type { AnyTRPCProcedure } from "@trpc/server";
import { appRouter } from "../root";

// tRPC keeps every procedure under its dotted path ("proposal.submit").
export const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure | undefined>;
export const procedureType = (path: string) => (Object.hasOwn(procedures, path) ? (procedures[path]?._def.type ?? null) : null);
