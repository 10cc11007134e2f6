import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { appRouter } from "../root";
import { procedureType } from "./procedures";

/**
 * A request refused before any procedure ran, answered in tRPC's error shape (an array for a
 * batch), through the app's error formatter, so the app's client reads it like any other error.
 */
export function refuse(paths: string[], isBatch: boolean, error: TRPCError, headers: Record<string, string> = {}): Response {
  const config = appRouter._def._config;
  const httpStatus = getHTTPStatusCodeFromError(error);
  const responses = paths.map((path) => {
    const shape = { message: error.message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data: { code: error.code, httpStatus, path } };
    const formatted = config.errorFormatter({ error, shape, type: procedureType(path) ?? "unknown", path, input: undefined, ctx: undefined });
    return { error: config.transformer.output.serialize(formatted) };
  });
  return Response.json(isBatch ? responses : responses[0], { status: httpStatus, headers: { vary: "trpc-accept, accept", ...headers } });
}

/** A 503 tells well-behaved clients when to try again. */
export function responseMeta({ errors }: { errors: TRPCError[] }) {
  return errors.some((error) => error.code === "SERVICE_UNAVAILABLE") ? { headers: { "retry-after": "2" } } : {};
}

export function onError({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
  if (error.code === "SERVICE_UNAVAILABLE") console.error(`[trpc] ${path ?? "?"}: database unavailable (${(error.cause as Error | undefined)?.message?.split("\n").find((line) => line.trim()) ?? "?"})`);
}
