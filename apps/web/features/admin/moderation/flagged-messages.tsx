"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ReasonedAction } from "../reasoned-action";

/** Messages the scam shield flagged (economy.md §5), oldest first, to review with a note. */
export function FlaggedMessages() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const flagged = useQuery(trpc.admin.moderation.flagged.queryOptions({ includeReviewed }));
  const review = useMutation(trpc.admin.moderation.reviewFlag.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.admin.moderation.pathFilter()) }));
  return (
    <Card title="Flagged messages">
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} /> Show reviewed messages too
      </label>
      {flagged.isPending && <Skeleton className="h-24 w-full" />}
      <ErrorAlert error={flagged.error} />
      {flagged.data && (flagged.data.length === 0 ? <EmptyState title="Nothing to review">The scam shield has flagged no messages waiting for review.</EmptyState> : (
        <ul className="divide-y divide-slate-100">
          {flagged.data.map((m) => (
            <li key={m.id} className="space-y-1 py-3 text-sm">
              <p className="text-xs text-slate-500">
                {m.sender.name} → {m.recipient.name} · {formatDate(m.createdAt)} · {m.contractId ? "on a contract" : "on a proposal"}
              </p>
              <blockquote className="break-words rounded bg-slate-50 p-2">{m.body}</blockquote>
              <p className="flex flex-wrap gap-1">
                {m.flags.map((flag) => <span key={flag} className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{flag}</span>)}
              </p>
              {m.reviewedAt ? <p className="text-xs text-emerald-700">Reviewed {formatDate(m.reviewedAt)}</p> : (
                <ReasonedAction id={`review-${m.id}`} rule={TEXT_RULES.flagReviewNote} label="Mark reviewed" tone="secondary" reasonLabel="What did you find?" confirm="The message leaves the queue; your note goes to the audit log."
                  submit={(idempotencyKey, reason, done) => review.mutate({ messageId: m.id, idempotencyKey, reason }, { onSuccess: done })} isPending={review.isPending} error={review.error} />
              )}
            </li>
          ))}
        </ul>
      ))}
    </Card>
  );
}
