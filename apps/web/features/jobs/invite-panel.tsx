"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, Card, Field, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { parseOneText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields, type TextValues } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { useDebounced } from "@/lib/use-debounced";

const SERVER_FIELDS: ServerFields<TextValues> = { fields: { message: "text" } };

interface Invitation {
  freelancerId: string;
  name: string;
  createdAt: Date;
  /** The freelancer's answer in a sentence (server-written). */
  note: string;
}

/**
 * Invite freelancers found by talent search (title, skills, overview); an invited freelancer applies
 * for 0 connects. Those already invited or who proposed stay listed, with the server's sentence why.
 */
export function InvitePanel({ jobId, invitations }: { jobId: string; invitations: Invitation[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [query, setQuery] = useState("");
  const form = useRulesForm(parseOneText(TEXT_RULES.invitation), { text: "I would like to invite you to apply to this job." });
  const search = useDebounced(query);
  const candidates = useQuery(trpc.job.inviteCandidates.queryOptions({ jobId, q: search || undefined }));
  const invite = useMutation(trpc.job.invite.mutationOptions({ onSuccess: async () => { renew(); await queryClient.invalidateQueries(trpc.job.pathFilter()); } }));
  useOnEdit(form, () => { invite.reset(); renew(); });
  const send = (freelancerId: string) =>
    form.handleSubmit((message) => invite.mutate({ jobId, freelancerId, message, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));

  return (
    <Card title="Invite freelancers">
      <p className="mb-3 text-sm text-slate-600">Invited freelancers apply without spending connects.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="invite-search" label="Search by title or skill" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        <FormField form={form} name="text" id="invite-message" label="Invitation message" limit={TEXT_RULES.invitation.max} />
      </div>
      <div aria-live="polite" className="mt-3 space-y-2">
        {invite.data && <Alert tone="success">Invitation sent.</Alert>}
        <FormAlert message={serverProblems(invite.error, SERVER_FIELDS).alert} />
        <ErrorAlert error={candidates.error} />
      </div>
      <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Freelancers you can invite">
        {candidates.data?.closedNote && <li className="py-2 text-slate-500">{candidates.data.closedNote}</li>}
        {candidates.data?.freelancers.length === 0 && <li className="py-2 text-slate-500">No freelancer matches.</li>}
        {candidates.data?.freelancers.map((freelancer) => (
          <li key={freelancer.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{freelancer.name}</span>
              {freelancer.title && <span className="text-slate-600">, {freelancer.title}</span>}
              {freelancer.note && <span className="block text-slate-500">{freelancer.note}</span>}
            </span>
            {freelancer.canInvite && (
              <Button variant="secondary" disabled={invite.isPending} onClick={send(freelancer.id)} aria-label={`Invite ${freelancer.name}`}>
                Invite
              </Button>
            )}
          </li>
        ))}
      </ul>
      {invitations.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Invited</h3>
          <ul className="text-sm text-slate-700">
            {invitations.map((invitation) => <li key={invitation.freelancerId}>{invitation.name}, {formatDate(invitation.createdAt)}: {invitation.note}</li>)}
          </ul>
        </>
      )}
    </Card>
  );
}
