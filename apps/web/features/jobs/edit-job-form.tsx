"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { Button, Card, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { JobCostPreview } from "./job-cost-preview";
import { JobFormFields } from "./job-form-fields";
import { JOB_SERVER_FIELDS, jobFormFrom, parseJobForm, type JobFormValues, type JobInput } from "./job-form-values";

type StoredJob = Parameters<typeof jobFormFrom>[0] & { id: string; status: string };

/** Edit a draft or open job; an open job keeps the connect cost it was published with. */
export function EditJobForm({ job, onDone }: { job: StoredJob; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseJobForm, jobFormFrom(job));
  const values = useWatch({ control: form.control }) as JobFormValues;
  const edit = useMutation(trpc.job.edit.mutationOptions({ onSuccess: async () => { renew(); await queryClient.invalidateQueries(trpc.job.pathFilter()); onDone(); } }));
  useOnEdit(form, () => { edit.reset(); renew(); });
  const save = (changes: JobInput) => edit.mutate({ jobId: job.id, idempotencyKey: key, changes }, { onError: (error) => showServerProblems(form, error, JOB_SERVER_FIELDS) });
  return (
    <Card title="Edit job">
      <form onSubmit={form.handleSubmit(save)} noValidate className="space-y-4">
        <JobFormFields form={form} typeLocked={job.status === "OPEN"} />
        {job.status === "DRAFT" ? <JobCostPreview values={values} /> : <p className="text-sm text-slate-600">This job keeps the connect cost it was published with.</p>}
        <FormAlert message={serverProblems(edit.error, JOB_SERVER_FIELDS).alert} />
        <div className="flex gap-2">
          <Button type="submit" disabled={edit.isPending}>Save changes</Button>
          <Button type="button" variant="secondary" onClick={onDone}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
