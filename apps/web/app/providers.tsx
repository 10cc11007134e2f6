"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import "@/lib/zod-without-eval";
import { TRPCReactProvider } from "@/trpc/client";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </SessionProvider>
  );
}
