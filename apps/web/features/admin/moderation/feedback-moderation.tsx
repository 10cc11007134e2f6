"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card, EmptyState, Skeleton } from "@/components/ui";
import { starsText } from "@/features/contracts/feedback-form-values";
import { ErrorAlert } from "@/features/shared/error-message";
import { PersonLink } from "@/features/shared/person-link";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import { ReasonedAction } from "../reasoned-action";
import { FIRST_FEEDBACK_PAGE } from "./feedback-moderation-values";

/**
 * Revealed feedback, newest reveal first (economy.md §10.5): an admin hides a comment and its stars
 * with a reason both people see, or shows hidden feedback again with a reason; both audit-logged.
 */
export function FeedbackModeration() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState<number>(FIRST_FEEDBACK_PAGE.page);
  const [hiddenOnly, setHiddenOnly] = useState<boolean>(FIRST_FEEDBACK_PAGE.hiddenOnly);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({ ...trpc.admin.feedback.list.queryOptions({ page, hiddenOnly }), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries(trpc.admin.feedback.pathFilter());
  const hide = useMutation(trpc.admin.feedback.hide.mutationOptions({ onSuccess: async () => { setNotice("The feedback is hidden: its stars no longer count, and both people see your reason."); await refresh(); } }));
  const unhide = useMutation(trpc.admin.feedback.unhide.mutationOptions({ onSuccess: async () => { setNotice("The feedback is shown again and counts in the averages."); await refresh(); } }));
  return (
    <Card title="Feedback">
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={hiddenOnly} onChange={(e) => { setHiddenOnly(e.target.checked); setPage(1); }} />
        Only hidden feedback
      </label>
      <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
      {list.isPending && <Skeleton className="h-32 w-full" />}
      <ErrorAlert error={list.error} />
      {list.data &&
        (list.data.rows.length === 0 ? (
          <EmptyState title={hiddenOnly ? "No hidden feedback" : "No revealed feedback yet"}>
            {hiddenOnly ? "Hidden feedback appears here, to show it again." : "Feedback appears here once it is revealed: when both sides have left theirs, or when the window closes."}
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" aria-busy={list.isFetching}>
              {list.data.rows.map((entry) => {
                const authorRole = entry.side;
                const subjectRole = entry.side === "CLIENT" ? "FREELANCER" : "CLIENT";
                return (
                  <li key={entry.id} className="space-y-2 py-3 text-sm" data-testid="moderation-feedback">
                    <p className="font-medium text-slate-900">
                      <PersonLink role={authorRole} person={entry.author} /> about <PersonLink role={subjectRole} person={entry.subject} />:{" "}
                      <span className="font-semibold">{starsText(entry.overall)}</span>
                    </p>
                    <p className="text-xs text-slate-500">
                      “{entry.contractTitle}” · revealed {entry.revealedAt ? formatDate(entry.revealedAt) : "—"}
                    </p>
                    <blockquote className={`whitespace-pre-line break-words border-l-4 pl-3 ${entry.hidden ? "border-red-200 text-slate-500 line-through" : "border-slate-200 text-slate-800"}`}>{entry.comment}</blockquote>
                    {entry.privateNote && <p className="break-words text-slate-600"><span className="font-medium">Private note:</span> {entry.privateNote}</p>}
                    {entry.reply && <p className="break-words text-slate-600"><span className="font-medium">Reply:</span> {entry.reply.text}</p>}
                    {entry.hidden && <p className="rounded bg-red-50 px-2 py-1 text-red-900">{entry.hidden.notice} (since {formatDate(entry.hidden.at)})</p>}
                    {entry.hidden ? (
                      <ReasonedAction
                        id={`unhide-${entry.id}`}
                        rule={TEXT_RULES.feedbackHideReason}
                        label="Show again"
                        tone="secondary"
                        reasonLabel="Why is it shown again? (audit log)"
                        confirm={`The feedback from ${entry.author.name} is public again, and its stars count in ${entry.subject.name}'s average and score.`}
                        submit={(idempotencyKey, reason, done) => { setNotice(null); unhide.mutate({ feedbackId: entry.id, idempotencyKey, reason }, { onSuccess: done }); }}
                        isPending={unhide.isPending}
                        error={unhide.error}
                      />
                    ) : (
                      <ReasonedAction
                        id={`hide-${entry.id}`}
                        rule={TEXT_RULES.feedbackHideReason}
                        label="Hide feedback"
                        tone="danger"
                        reasonLabel="Why is it hidden? (both people see it)"
                        confirm={`The comment and stars from ${entry.author.name} disappear from ${entry.subject.name}'s profile and stop counting in the average and the score; both people see "Hidden by Fairlance" and your reason.`}
                        submit={(idempotencyKey, reason, done) => { setNotice(null); hide.mutate({ feedbackId: entry.id, idempotencyKey, reason }, { onSuccess: done }); }}
                        isPending={hide.isPending}
                        error={hide.error}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            <Pager label="Feedback" page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
          </>
        ))}
    </Card>
  );
}
