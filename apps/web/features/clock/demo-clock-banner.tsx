"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { errorText } from "@/features/shared/error-message";

/**
 * Whether the page may be read again. Next answers a refresh of a page shown as "not found" with a
 * 404, and then reloads the whole document; such a page shows nothing the clock changes, so it
 * marks itself `data-refresh="never"` (app/not-found.tsx) and is left as it is.
 */
const mayRefresh = () => !document.querySelector('[data-refresh="never"]');

/**
 * Shown on every page while the server runs with the movable demo clock: the
 * marketplace's date, and buttons that move it forward so a month can be
 * played in seconds (the job runner then clears money, approves work…).
 */
export function DemoClockBanner({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const clock = useQuery({ ...trpc.clock.get.queryOptions(), refetchInterval: (q) => (q.state.data?.pendingJobs ? 1_000 : false) });
  const advance = useMutation(
    trpc.clock.advance.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        if (mayRefresh()) router.refresh();
      },
    }),
  );
  const caughtUp = (clock.data?.pendingJobs ?? 0) === 0;
  // Moving the clock queues the runner's work (clearing, auto-approvals…): when it is done, what
  // the page shows has changed again, so it is read again.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (!caughtUp) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      void queryClient.invalidateQueries();
      if (mayRefresh()) router.refresh();
    }
  }, [caughtUp, queryClient, router]);

  return (
    <div role="region" aria-label="Demo clock" className="border-b border-amber-300 bg-amber-100 text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5 text-sm">
        <strong>Demo clock</strong>
        <span data-testid="demo-clock-now">{clock.data ? formatDateTime(clock.data.now) : "not known yet"}</span>
        <span aria-live="polite" className="text-amber-800">
          {caughtUp ? "scheduled jobs are up to date" : `running ${clock.data?.pendingJobs} scheduled jobs…`}
        </span>
        {signedIn && (
          <span className="ml-auto flex gap-2">
            {[1, 7, 30].map((days) => (
              <button
                key={days}
                type="button"
                onClick={() => advance.mutate({ days })}
                disabled={advance.isPending}
                className="rounded border border-amber-400 bg-white px-2 py-0.5 font-medium hover:bg-amber-50 disabled:opacity-60"
              >
                <span className="sr-only">Move the clock forward </span>+{days} day{days === 1 ? "" : "s"}
              </button>
            ))}
          </span>
        )}
        {advance.error && <span role="alert">{errorText(advance.error)}</span>}
      </div>
    </div>
  );
}
