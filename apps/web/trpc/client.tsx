"use client";

import { hashKey, QueryClient, QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import type { AppRouter } from "@/server/root";
import { publicEnv } from "@/lib/public-env";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Amounts are bigint cents, which JSON.stringify (React Query's default key hash) refuses. */
const hashBigintSafe = (queryKey: QueryKey) =>
  hashKey(JSON.parse(JSON.stringify(queryKey, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))) as QueryKey);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !isClientError(error), queryKeyHashFn: hashBigintSafe },
    },
  });
}

const isClientError = (error: unknown) => {
  const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
};

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => publicEnv.development && op.direction === "down" && op.result instanceof Error }),
        httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
