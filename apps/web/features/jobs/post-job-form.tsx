"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { JobCostPreview } from "./job-cost-preview";
import { JobFormFields } from "./job-form-fields";
import { EMPTY_JOB_FORM, parseJobForm, type JobFormValues } from "./job-form-values";

/** Post a job: the connects it will cost freelancers are shown before saving it as a draft or publishing it. */
export function PostJobForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { key, renew } = useIdempotencyKey();
  const [values, setValues] = useState<JobFormValues>(EMPTY_JOB_FORM);
  const [errors, setErrors] = useState<Partial<Record<keyof JobFormValues, string>>>({});
  const post = useMutation(trpc.job.post.mutationOptions({ onSuccess: (job) => { renew(); router.push(`/client/jobs/${job.jobId}`); } }));

  function save(publish: boolean) {
    const parsed = parseJobForm(values);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) post.mutate({ ...parsed.fields, publish, idempotencyKey: key });
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Post a job</h1>
      <Card>
        <form onSubmit={(event) => { event.preventDefault(); save(true); }} className="space-y-4">
          <JobFormFields values={values} onChange={(next) => { setValues(next); post.reset(); renew(); }} errors={errors} />
          <JobCostPreview values={values} />
          <ErrorAlert error={post.error} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={post.isPending}>Publish job</Button>
            <Button type="button" variant="secondary" disabled={post.isPending} onClick={() => save(false)}>Save as draft</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
