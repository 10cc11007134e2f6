"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { Providers } from "@/app/providers";
import { DemoClockBanner } from "./demo-clock-banner";

export interface DemoClockIslandProps {
  /** The server's prefetch of `clock.get` (trpc/server's prefetchedState). */
  state: DehydratedState;
  signedIn: boolean;
}

export default function DemoClockIsland({ state, signedIn }: DemoClockIslandProps) {
  return (
    <Providers>
      <HydrationBoundary state={state}>
        <DemoClockBanner signedIn={signedIn} />
      </HydrationBoundary>
    </Providers>
  );
}
