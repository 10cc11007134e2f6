"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { errorText } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

/** Save a job to come back to, or drop it: a toggle (aria-pressed); saving a job no longer open is refused with the sentence. */
export function SaveJobButton({ jobId, title, saved }: { jobId: string; title: string; saved: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries(trpc.saved.jobs.queryFilter());
  const save = useMutation(trpc.saved.saveJob.mutationOptions({ onSuccess }));
  const unsave = useMutation(trpc.saved.unsaveJob.mutationOptions({ onSuccess }));
  const pending = save.isPending || unsave.isPending;
  const error = save.error ?? unsave.error;
  return (
    <span className="inline-flex flex-col items-start">
      <Button variant="secondary" className="px-3 py-1" aria-pressed={saved} disabled={pending} onClick={() => (saved ? unsave.mutate({ jobId }) : save.mutate({ jobId }))}>
        <span aria-hidden className="mr-1 text-amber-600">{saved ? "★" : "☆"}</span>
        {saved ? "Saved" : "Save"}
        <span className="sr-only"> {title}</span>
      </Button>
      {error && <span role="alert" className="mt-1 text-xs text-red-700">{errorText(error)}</span>}
    </span>
  );
}

/** The ids of the jobs a freelancer saved, from saved.jobs (prefetched by the pages that show the toggle). */
export function savedJobIds(rows: readonly { job: { id: string } }[] | undefined): Set<string> {
  return new Set((rows ?? []).map((row) => row.job.id));
}
