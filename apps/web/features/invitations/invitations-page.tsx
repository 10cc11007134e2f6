"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatCount } from "@fairlance/rules";
import { Button, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { DeclineInvitation } from "./decline-invitation";
import { FIRST_INVITATIONS } from "./first-invitations";

const STATUS: Record<"PENDING" | "ACCEPTED" | "DECLINED", { label: string; className: string }> = {
  PENDING: { label: "Waiting for your answer", className: "bg-amber-50 text-amber-900" },
  ACCEPTED: { label: "Accepted", className: "bg-emerald-50 text-emerald-800" },
  DECLINED: { label: "Declined", className: "bg-slate-100 text-slate-700" },
};

/** The invitations a freelancer received, newest first: accept by proposing (0 connects) or decline. */
export function InvitationsPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState<number>(FIRST_INVITATIONS.page);
  const mine = useQuery({ ...trpc.invitation.mine.queryOptions({ page }), placeholderData: keepPreviousData });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Invitations</h1>
      <p className="text-sm text-slate-600">Clients invite you to their jobs. Answering an invitation with a proposal costs no connects.</p>
      <section aria-labelledby="invitations-heading" aria-busy={mine.isFetching} className="space-y-3">
        <h2 id="invitations-heading" className="sr-only">Invitations received</h2>
        <ErrorAlert error={mine.error} />
        {mine.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : mine.data && mine.data.total === 0 ? (
          <EmptyState title="No invitations yet">
            Clients find you through talent search: a complete profile with a title, skills and a rate helps. Meanwhile, <Link href="/jobs" className="font-medium text-brand-700 underline">find work</Link> yourself.
          </EmptyState>
        ) : mine.data ? (
          <>
            <p aria-live="polite" className="text-sm text-slate-600">
              {formatCount(mine.data.total, "invitation")}, {mine.data.waiting === 0 ? "none waiting for an answer" : `${mine.data.waiting} waiting for your answer`}
            </p>
            <ul className="space-y-3">
              {mine.data.invitations.map((invitation) => (
                <li key={invitation.id}>
                  <article aria-labelledby={`invitation-${invitation.id}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 id={`invitation-${invitation.id}`} className="text-base font-semibold">
                        <Link href={`/jobs/${invitation.job.id}`} className="text-brand-700 hover:underline">{invitation.job.title}</Link>
                      </h3>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[invitation.status].className}`}>{STATUS[invitation.status].label}</span>
                    </div>
                    <p className="text-sm text-slate-600">
                      From <Link href={`/clients/${invitation.client.id}`} className="font-medium text-brand-700 hover:underline">{invitation.client.name}</Link>, {formatDate(invitation.createdAt)}
                      {invitation.respondedAt && <> · answered {formatDate(invitation.respondedAt)}</>}
                    </p>
                    <blockquote className="whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-800">{invitation.message}</blockquote>
                    {invitation.declineReason && <p className="text-sm text-slate-600">Your reason: “{invitation.declineReason}”</p>}
                    <p className="text-sm text-slate-700">{invitation.note}</p>
                    {invitation.canAnswer && (
                      <div className="flex flex-wrap items-start gap-2">
                        <Link href={`/jobs/${invitation.job.id}#send-proposal`} className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                          Accept: send a proposal (0 connects)
                        </Link>
                        <DeclineInvitation invitationId={invitation.id} jobTitle={invitation.job.title} />
                      </div>
                    )}
                  </article>
                </li>
              ))}
            </ul>
            {mine.data.pageCount > 1 && (
              <nav aria-label="Pages" className="flex items-center justify-between gap-2 pt-2">
                <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</Button>
                <span className="text-sm text-slate-600">Page {mine.data.page} of {mine.data.pageCount}</span>
                <Button variant="secondary" disabled={page >= mine.data.pageCount} onClick={() => setPage(page + 1)}>Next page</Button>
              </nav>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
