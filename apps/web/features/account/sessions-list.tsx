"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

interface SessionRow {
  id: string;
  browser: string;
  ip: string;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The person's signed-in browsers, each with "Sign out" (this one signs out with the header's button). */
export function SessionsList({ sessions }: { sessions: readonly SessionRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const end = useMutation(trpc.account.endSession.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.account.get.queryFilter()) }));
  if (sessions.length === 0) return <p className="text-sm text-slate-600">No browser is signed in with a session we can list (sessions from before this list existed are not shown).</p>;
  return (
    <div className="space-y-3">
      <ErrorAlert error={end.error} />
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Signed-in browsers">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm" data-testid="session-row">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {session.browser}
                {session.current && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">This browser</span>}
              </p>
              <p className="break-words text-slate-600">
                From {session.ip} · signed in {formatDateTime(session.signedInAt)} · last seen {formatDateTime(session.lastSeenAt)}
              </p>
            </div>
            {!session.current && (
              <Button type="button" variant="secondary" onClick={() => end.mutate({ sessionId: session.id })} disabled={end.isPending} aria-label={`Sign out ${session.browser} (${session.ip})`}>
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
