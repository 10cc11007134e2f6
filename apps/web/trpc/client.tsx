"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/root";
import { publicEnv } from "@/lib/public-env";
import { apiLink } from "./links";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const newTRPCClient = () =>
  createTRPCClient<AppRouter>({
    links: [
      loggerLink({ enabled: (op) => publicEnv.development && op.direction === "down" && op.result instanceof Error }),
      apiLink({ url: "/api/trpc" }),
    ],
  });

// One cache and one client per browser tab: the provider is placed by the layouts that need it
// (the signed-in groups, sign-up, the demo clock), and a navigation from one of them to another
// keeps what was loaded. On the server every render gets its own, so no two requests share data.
let browser: { queryClient: QueryClient; trpcClient: ReturnType<typeof newTRPCClient> } | undefined;
function clients() {
  if (typeof window === "undefined") return { queryClient: makeQueryClient(), trpcClient: newTRPCClient() };
  return (browser ??= { queryClient: makeQueryClient(), trpcClient: newTRPCClient() });
}

/** React Query and the typed tRPC client for the components below it. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [{ queryClient, trpcClient }] = useState(clients);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
