"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/client";

/**
 * What a client component that reads or changes data needs (React Query and tRPC). Not in the
 * root layout: the public pages (landing, sign-in) ship without it; the layouts of the signed-in
 * groups, the sign-up form and the demo clock place it. Every placement shares the tab's one cache.
 */
export function Providers({ children }: { children: ReactNode }) {
  // No next-auth SessionProvider: pages get the session on the server, so it would only add a
  // /api/auth/session request to every page view and next-auth's client to every first load.
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
