"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormSelect, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { inviteDefaults, parseInvite, type InviteValues } from "./invite-values";

const SERVER_FIELDS: ServerFields<InviteValues> = { fields: { jobId: "jobId", message: "message" } };

/**
 * "Invite to a job" on a freelancer's profile, for a client: one of their open jobs and a message,
 * sent with job.invite (an invited freelancer applies without spending connects, economy.md §2.3).
 */
export function InviteToJob({ freelancerId, name }: { freelancerId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const jobs = useQuery(trpc.job.listMine.queryOptions());
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseInvite, inviteDefaults(name));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.job.invite.mutationOptions({
      onSuccess: async (_, input) => {
        renew();
        setSentTo(openJobs.find((job) => job.id === input.jobId)?.title ?? null);
        form.reset(inviteDefaults(name));
        await queryClient.invalidateQueries(trpc.job.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => { invite.reset(); setSentTo(null); renew(); });
  const openJobs = (jobs.data ?? []).filter((job) => job.status === "OPEN");
  const submit = (values: InviteValues) => invite.mutate({ ...values, freelancerId, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });

  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)} aria-expanded={false} aria-controls="invite-panel">
        Invite to a job
      </Button>
    );
  }
  return (
    <section id="invite-panel" aria-labelledby="invite-heading" className="w-full rounded-lg border border-slate-200 bg-slate-50 p-4 sm:w-96">
      <h2 id="invite-heading" className="mb-2 text-base font-semibold">
        Invite {name} to a job
      </h2>
      <ErrorAlert error={jobs.error} />
      {jobs.data && openJobs.length === 0 ? (
        <p className="text-sm text-slate-700">
          You have no open job to invite them to.{" "}
          <Link href="/jobs/new" className="text-brand-700 underline">
            Post a job
          </Link>{" "}
          first.
        </p>
      ) : (
        <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3" aria-label={`Invite ${name} to a job`}>
          <FormSelect form={form} name="jobId" id="invite-job" label="Job">
            <option value="">Choose one of your open jobs</option>
            {openJobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </FormSelect>
          <FormTextArea form={form} name="message" id="invite-message" label="Invitation message" rows={4} limit={TEXT_RULES.invitation.max} hint="They apply without spending connects." />
          <div aria-live="polite" className="space-y-2">
            <FormAlert message={serverProblems(invite.error, SERVER_FIELDS).alert} />
            {sentTo && (
              <Alert tone="success">
                Invitation sent for “{sentTo}”. {name} sees it and may apply for 0 connects.
              </Alert>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={invite.isPending || jobs.isPending}>
              {invite.isPending ? "Sending…" : "Send invitation"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
