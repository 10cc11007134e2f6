"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, Card, Field, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { TalentCard } from "@/features/talent/talent-card";
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
      {candidates.data?.closedNote && <p className="mt-2 text-sm text-slate-500">{candidates.data.closedNote}</p>}
      {candidates.data?.freelancers.length === 0 && <p className="mt-2 text-sm text-slate-500">No freelancer matches. Try other words, or <Link href="/talent" className="text-brand-700 underline">search all talent</Link>.</p>}
      <ul className="mt-2 space-y-3" aria-label="Freelancers you can invite">
        {candidates.data?.freelancers.map((freelancer) => (
          <li key={freelancer.id}>
            <TalentCard freelancer={freelancer}>
              {freelancer.note && <p className="text-sm text-slate-600">{freelancer.note}</p>}
              {freelancer.canInvite && (
                <Button variant="secondary" disabled={invite.isPending} onClick={send(freelancer.id)} aria-label={`Invite ${freelancer.name}`}>
                  Invite
                </Button>
              )}
            </TalentCard>
          </li>
        ))}
      </ul>
      {invitations.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Invited</h3>
          <ul className="text-sm text-slate-700">
            {invitations.map((invitation) => (
              <li key={invitation.freelancerId}>
                <Link href={`/freelancers/${invitation.freelancerId}`} className="font-medium text-brand-700 hover:underline">{invitation.name}</Link>, {formatDate(invitation.createdAt)}: {invitation.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
