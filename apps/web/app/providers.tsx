"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/client";

export function Providers({ children }: { children: ReactNode }) {
  // No next-auth SessionProvider: pages get the session on the server, so it would only add a
  // /api/auth/session request to every page view and next-auth's client to every first load.
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
