"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

export function PublishJobButton({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const publish = useMutation(trpc.job.publish.mutationOptions({ onSuccess: async () => { renew(); await queryClient.invalidateQueries(trpc.job.pathFilter()); } }));
  return (
    <>
      <Button onClick={() => publish.mutate({ jobId, idempotencyKey: key })} disabled={publish.isPending}>Publish job</Button>
      <ErrorAlert error={publish.error} />
    </>
  );
}
