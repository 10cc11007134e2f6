"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { Button, Card, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { JobCostPreview } from "./job-cost-preview";
import { JobFormFields } from "./job-form-fields";
import { EMPTY_JOB_FORM, JOB_SERVER_FIELDS, parseJobForm, type JobInput } from "./job-form-values";

/** Post a job: the connects it will cost freelancers are shown before saving it as a draft or publishing it. */
export function PostJobForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseJobForm, EMPTY_JOB_FORM);
  const values = useWatch({ control: form.control }) as typeof EMPTY_JOB_FORM;
  const post = useMutation(trpc.job.post.mutationOptions({ onSuccess: (job) => { renew(); router.push(`/client/jobs/${job.jobId}`); } }));
  useOnEdit(form, () => { post.reset(); renew(); });
  const save = (publish: boolean) => (job: JobInput) =>
    post.mutate({ ...job, publish, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, JOB_SERVER_FIELDS) });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Post a job</h1>
      <Card>
        <form onSubmit={form.handleSubmit(save(true))} noValidate className="space-y-4">
          <JobFormFields form={form} />
          <JobCostPreview values={values} />
          <FormAlert message={serverProblems(post.error, JOB_SERVER_FIELDS).alert} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={post.isPending}>Publish job</Button>
            <Button type="button" variant="secondary" disabled={post.isPending} onClick={form.handleSubmit(save(false))}>Save as draft</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
