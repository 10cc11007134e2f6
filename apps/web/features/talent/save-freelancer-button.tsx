"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { errorText } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

/** Save a freelancer for later, or drop them: a toggle (aria-pressed); the saved list follows. */
export function SaveFreelancerButton({ freelancerId, name, saved }: { freelancerId: string; name: string; saved: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries(trpc.saved.freelancers.queryFilter());
  const save = useMutation(trpc.saved.saveFreelancer.mutationOptions({ onSuccess }));
  const unsave = useMutation(trpc.saved.unsaveFreelancer.mutationOptions({ onSuccess }));
  const pending = save.isPending || unsave.isPending;
  const error = save.error ?? unsave.error;
  return (
    <span className="inline-flex flex-col">
      <Button
        variant="secondary"
        aria-pressed={saved}
        disabled={pending}
        onClick={() => (saved ? unsave.mutate({ freelancerId }) : save.mutate({ freelancerId }))}
      >
        <span aria-hidden className="mr-1 text-amber-600">{saved ? "★" : "☆"}</span>
        {saved ? "Saved" : "Save"}
        <span className="sr-only"> {name}</span>
      </Button>
      {error && <span role="alert" className="mt-1 text-xs text-red-700">{errorText(error)}</span>}
    </span>
  );
}
