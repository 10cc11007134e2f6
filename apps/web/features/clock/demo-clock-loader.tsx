"use client";

import dynamic from "next/dynamic";
import type { DemoClockIslandProps } from "./demo-clock-island";

// The banner and what it needs (React Query, tRPC) are a chunk of their own, loaded only where it
// is shown: the root layout renders this loader, and a client component's static imports would be
// in every page's first load, public pages included.
const Island = dynamic(() => import("./demo-clock-island"));

export function DemoClockLoader(props: DemoClockIslandProps) {
  return <Island {...props} />;
}
