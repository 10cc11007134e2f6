"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { JobCostPreview } from "./job-cost-preview";
import { JobFormFields } from "./job-form-fields";
import { jobFormFrom, parseJobForm, type JobFormValues } from "./job-form-values";

type StoredJob = Parameters<typeof jobFormFrom>[0] & { id: string; status: string };

/** Edit a draft or open job; an open job keeps the connect cost it was published with. */
export function EditJobForm({ job, onDone }: { job: StoredJob; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [values, setValues] = useState<JobFormValues>(() => jobFormFrom(job));
  const [errors, setErrors] = useState<Partial<Record<keyof JobFormValues, string>>>({});
  const edit = useMutation(trpc.job.edit.mutationOptions({ onSuccess: async () => { renew(); await queryClient.invalidateQueries(trpc.job.pathFilter()); onDone(); } }));
  function save() {
    const parsed = parseJobForm(values);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) edit.mutate({ jobId: job.id, idempotencyKey: key, changes: parsed.fields });
  }
  return (
    <Card title="Edit job">
      <form onSubmit={(event) => { event.preventDefault(); save(); }} className="space-y-4">
        <JobFormFields values={values} onChange={(next) => { setValues(next); edit.reset(); renew(); }} errors={errors} typeLocked={job.status === "OPEN"} />
        {job.status === "DRAFT" ? <JobCostPreview values={values} /> : <p className="text-sm text-slate-600">This job keeps the connect cost it was published with.</p>}
        <ErrorAlert error={edit.error} />
        <div className="flex gap-2">
          <Button type="submit" disabled={edit.isPending}>Save changes</Button>
          <Button type="button" variant="secondary" onClick={onDone}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
