"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, FormAlert, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormSelect, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { DEFAULT_INVITATION, parseInvite, type InviteValues } from "./invite-values";

// "Already invited" and "already proposed" (CONFLICT) are about the job chosen: said beside it.
const SERVER_FIELDS: ServerFields<InviteValues> = { fields: { jobId: "jobId", message: "message" }, codes: { CONFLICT: "jobId", JOB_NOT_OPEN: "jobId" } };

/**
 * "Invite to a job" on a freelancer's card: unfolds a form to choose one of the client's open jobs
 * and write the message (with its limit); the invited freelancer applies for 0 connects
 * (economy.md §2.3). The client's jobs load when it unfolds.
 */
export function InviteToJob({ freelancerId, name }: { freelancerId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // Two children of the card's row of actions: the form, once unfolded, takes a line of its own.
  return (
    <>
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Invite to a job<span className="sr-only">: {name}</span>
      </Button>
      <div id={panelId} hidden={!open} className="basis-full">{open && <InviteForm freelancerId={freelancerId} name={name} idPrefix={panelId} />}</div>
    </>
  );
}

function InviteForm({ freelancerId, name, idPrefix }: { freelancerId: string; name: string; idPrefix: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery(trpc.job.listMine.queryOptions());
  const open = (jobs.data ?? []).filter((job) => job.status === "OPEN");
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseInvite, { jobId: "", message: DEFAULT_INVITATION });
  const invite = useMutation(
    trpc.job.invite.mutationOptions({
      onSuccess: async () => {
        renew();
        await queryClient.invalidateQueries(trpc.job.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => { invite.reset(); renew(); });
  const sentTo = invite.data ? open.find((job) => job.id === invite.data.jobId)?.title : undefined;

  if (jobs.isPending) return <Skeleton className="h-24 w-full max-w-xl" />;
  if (jobs.isError) return <ErrorAlert error={jobs.error} />;
  if (open.length === 0) {
    return (
      <p className="max-w-xl rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        You have no open job to invite {name} to. <Link href="/jobs/new" className="font-medium text-brand-700 underline">Post a job</Link> first.
      </p>
    );
  }
  return (
    <form
      noValidate
      aria-label={`Invite ${name} to a job`}
      className="max-w-xl space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={form.handleSubmit((value) => invite.mutate({ ...value, freelancerId, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }))}
    >
      <FormSelect form={form} name="jobId" id={`${idPrefix}-job`} label="Job">
        <option value="">Choose one of your open jobs</option>
        {open.map((job) => <option key={job.id} value={job.id}>{job.title}</option>)}
      </FormSelect>
      <FormTextArea form={form} name="message" id={`${idPrefix}-message`} label="Invitation message" rows={3} limit={TEXT_RULES.invitation.max} />
      <p className="text-xs text-slate-600">{name} can apply to your job for 0 connects.</p>
      <div aria-live="polite">
        {invite.data && <Alert tone="success">Invitation sent to {name}{sentTo ? ` for “${sentTo}”` : ""}. You will see the answer on the job’s page.</Alert>}
        <FormAlert message={serverProblems(invite.error, SERVER_FIELDS).alert} />
      </div>
      <Button type="submit" disabled={invite.isPending}>{invite.isPending ? "Sending…" : "Send invitation"}</Button>
    </form>
  );
}
