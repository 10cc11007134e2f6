import { httpBatchLink, httpLink, isNonJsonSerializable, splitLink, type HTTPLinkOptions, type TRPCLink } from "@trpc/client";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import type { AppRouter } from "@/server/root";

/**
 * How the app's client reaches the API (trpc/client.tsx; the upload tests use it too): calls are
 * batched as typed JSON, at most MAX_BATCH_CALLS a request, except an upload (a FormData), which
 * goes alone as multipart/form-data (server/uploads.ts): a batch can only carry JSON.
 */
export function apiLink(options: { url: string; fetch?: HTTPLinkOptions<AppRouter["_def"]["_config"]["$types"]>["fetch"] }): TRPCLink<AppRouter> {
  const common = { url: options.url, fetch: options.fetch, transformer: superjson };
  return splitLink({
    condition: (op) => isNonJsonSerializable(op.input),
    true: httpLink(common),
    false: httpBatchLink({ ...common, maxItems: MAX_BATCH_CALLS }),
  });
}
