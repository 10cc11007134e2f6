"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { formatCount } from "@fairlance/rules";

/** Closing without hiring, after a confirm step saying every applicant gets their connects back (economy.md §2.5). */
export function CloseJobDialog({ jobId, liveProposals }: { jobId: string; liveProposals: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const close = useMutation(trpc.job.close.mutationOptions({ onSuccess: async () => { renew(); setOpen(false); await queryClient.invalidateQueries(trpc.job.pathFilter()); } }));
  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)}>Close job without hiring…</Button>;
  return (
    <div role="alertdialog" aria-labelledby="close-job-title" aria-describedby="close-job-text" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="close-job-title" className="font-semibold">Close this job without hiring?</h2>
      <p id="close-job-text" className="text-sm">
        The job stops taking proposals and{" "}
        {liveProposals === 0
          ? "nobody has applied yet"
          : liveProposals === 1
            ? "the 1 applicant still in play gets all the connects they spent on it back, boosts included"
            : `the ${formatCount(liveProposals, "applicant")} still in play each get all the connects they spent on it back, boosts included`}
        . This cannot be undone.
      </p>
      <ErrorAlert error={close.error} />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => close.mutate({ jobId, idempotencyKey: key })} disabled={close.isPending}>{close.isPending ? "Closing…" : "Close job and refund connects"}</Button>
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={close.isPending}>Keep it open</Button>
      </div>
    </div>
  );
}
