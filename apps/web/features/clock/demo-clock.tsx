import { prefetch, prefetchedState, trpc } from "@/trpc/server";
import { DemoClockLoader } from "./demo-clock-loader";

/**
 * The demo clock's banner, with its date on the first paint. Shown by the root layout only while
 * the clock is movable (demo and tests).
 */
export async function DemoClock({ signedIn }: { signedIn: boolean }) {
  await prefetch(trpc.clock.get.queryOptions());
  return <DemoClockLoader state={prefetchedState()} signedIn={signedIn} />;
}
