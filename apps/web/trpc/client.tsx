"use client";

import { QueryClient, QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { canonicalText } from "@fairlance/rules";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import type { AppRouter } from "@/server/root";
import { publicEnv } from "@/lib/public-env";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/**
 * Query keys hold bigint cents and dates, which React Query's default hash (JSON.stringify)
 * refuses or flattens: they are hashed by the typed codec's canonical text instead.
 */
const hashTypedKey = (queryKey: QueryKey) => canonicalText(queryKey);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !isClientError(error), queryKeyHashFn: hashTypedKey },
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
