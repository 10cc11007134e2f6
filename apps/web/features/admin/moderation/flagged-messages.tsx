"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert, Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import type { AdminOutputs } from "../types";
import { ReasonedAction } from "../reasoned-action";

type Flagged = AdminOutputs["moderation"]["flagged"]["waiting"][number];

const personLink = (person: { id: string; name: string }) => (
  <Link href={`/admin/people?user=${person.id}`} className="font-medium text-brand-700 underline">{person.name}</Link>
);

/**
 * Messages the scam shield flagged (economy.md §5): those waiting first, oldest first, with the
 * text, why it was flagged, who wrote to whom, where and what was said before; then the recently
 * reviewed, with what was done. Each action takes a reason and is confirmed.
 */
export function FlaggedMessages() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const [notice, setNotice] = useState("");
  const flagged = useQuery(trpc.admin.moderation.flagged.queryOptions({ includeReviewed }));
  const after = (text: string) => ({
    onSuccess: async () => {
      setNotice(text);
      await queryClient.invalidateQueries(trpc.admin.pathFilter());
    },
  });
  const remove = useMutation(trpc.admin.moderation.removeMessage.mutationOptions(after("Message removed: both people see a notice instead, and the sender sees your reason.")));
  const warn = useMutation(trpc.admin.moderation.warnSender.mutationOptions(after("Warning sent: the sender sees it on their dashboard for 30 days.")));
  const suspend = useMutation(trpc.admin.moderation.suspendSender.mutationOptions(after("Sender suspended: they are signed out and see your reason.")));
  const dismiss = useMutation(trpc.admin.moderation.reviewFlag.mutationOptions(after("Flag dismissed.")));
  const actions = { remove, warn, suspend, dismiss };
  const data = flagged.data;
  return (
    <Card title={data ? `Flagged messages · ${data.waiting.length} waiting` : "Flagged messages"}>
      <div aria-live="polite" className="mb-3">{notice && <Alert tone="success">{notice}</Alert>}</div>
      {flagged.isPending && <Skeleton className="h-24 w-full" />}
      <ErrorAlert error={flagged.error} />
      {data && (
        <>
          {data.waiting.length === 0 ? (
            <EmptyState title="Nothing waiting">The scam shield has flagged no message that waits for an admin.</EmptyState>
          ) : (
            <ol className="space-y-4" data-testid="flagged-waiting">
              {data.waiting.map((m) => <FlaggedItem key={m.id} message={m} actions={actions} onStart={() => setNotice("")} />)}
            </ol>
          )}
          <section aria-labelledby="flags-reviewed" className="mt-6">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id="flags-reviewed" className="text-sm font-semibold text-slate-900">Recently reviewed</h3>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} /> Show up to 100
              </label>
            </div>
            {data.reviewed.length === 0 ? <p className="mt-1 text-sm text-slate-500">None yet.</p> : (
              <ol className="mt-2 space-y-3" data-testid="flagged-reviewed">
                {data.reviewed.map((m) => <FlaggedItem key={m.id} message={m} actions={actions} onStart={() => setNotice("")} />)}
              </ol>
            )}
          </section>
        </>
      )}
    </Card>
  );
}

type Mutation = { mutate: (input: { messageId: string; idempotencyKey: string; reason: string }, options: { onSuccess: () => void }) => void; isPending: boolean; error: unknown };

function FlaggedItem({ message: m, actions, onStart }: { message: Flagged; actions: Record<"remove" | "warn" | "suspend" | "dismiss", Mutation>; onStart: () => void }) {
  const sender = m.sender.name;
  const act = (mutation: Mutation) => (idempotencyKey: string, reason: string, done: () => void) => {
    onStart();
    mutation.mutate({ messageId: m.id, idempotencyKey, reason }, { onSuccess: done });
  };
  const outcome = [
    m.removed && `Removed ${formatDateTime(m.removed.at)}: ${m.removed.reason}`,
    m.warning && `${sender} warned ${formatDateTime(m.warning.at)}: ${m.warning.reason}`,
    m.sender.suspendedAt && `${sender} suspended since ${formatDateTime(m.sender.suspendedAt)}`,
  ].filter(Boolean) as string[];
  return (
    <li id={`flag-${m.id}`} className={`scroll-mt-4 space-y-2 rounded-md border p-3 text-sm ${m.reviewedAt ? "border-slate-200" : "border-amber-300 bg-amber-50/40"}`} data-testid="flagged-message">
      <p className="text-slate-700">
        {personLink(m.sender)} wrote to {personLink(m.recipient)} on {m.conversation.kind === "contract" ? "the contract" : "the proposal for"} “{m.conversation.title}” · {formatDateTime(m.createdAt)}
      </p>
      <p className="text-xs text-slate-600">
        {sender}: {m.sender.warnings === 0 ? "never warned" : `warned ${m.sender.warnings} ${m.sender.warnings === 1 ? "time" : "times"}`}
        {m.sender.suspendedAt ? " · suspended" : ""}
      </p>
      {m.context.length > 0 && (
        <div>
          <p className="text-xs font-medium text-slate-500">Before it in the conversation</p>
          <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-2 text-xs text-slate-600">
            {m.context.map((c) => (
              <li key={c.id}><span className="font-medium text-slate-700">{c.senderName}:</span> {c.removed ? <em>removed by Fairlance</em> : <span className="break-words">{c.body}</span>}</li>
            ))}
          </ol>
        </div>
      )}
      <blockquote className={`whitespace-pre-line break-words rounded border-l-4 p-2 ${m.removed ? "border-slate-300 bg-slate-50 text-slate-500 line-through" : "border-red-400 bg-white text-slate-900"}`}>
        {m.body}
      </blockquote>
      <div>
        <p className="flex flex-wrap items-center gap-1">
          <span className="text-xs font-medium text-slate-600">Flagged for:</span>
          {m.flags.map((flag) => <span key={flag.patternId} className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{flag.label}</span>)}
        </p>
        {m.shieldWarning && <p className="mt-1 text-xs text-slate-600">The recipient was shown: “{m.shieldWarning}”</p>}
      </div>
      {(m.reviewedAt || outcome.length > 0) && (
        <ul className="space-y-0.5 text-xs text-emerald-800">
          {outcome.map((line) => <li key={line}>{line}</li>)}
          {m.reviewedAt && outcome.length === 0 && <li>Flag dismissed {formatDateTime(m.reviewedAt)}</li>}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {!m.removed && (
          <ReasonedAction id={`remove-${m.id}`} rule={TEXT_RULES.senderActionReason} label="Remove message" tone="danger" reasonLabel="Why is it removed? (the sender sees this)"
            confirm={<>The message disappears for {m.recipient.name} and {sender}; both see “removed by Fairlance” in its place, and {sender} also sees your reason.</>}
            submit={act(actions.remove)} isPending={actions.remove.isPending} error={actions.remove.error} />
        )}
        {!m.warning && (
          <ReasonedAction id={`warn-${m.id}`} label={`Warn ${sender}`} rule={TEXT_RULES.senderActionReason} tone="secondary" reasonLabel="What should they stop doing? (they see this)"
            confirm={<>{sender} sees this warning and your reason on their dashboard for 30 days. It is recorded in the audit log.</>}
            submit={act(actions.warn)} isPending={actions.warn.isPending} error={actions.warn.error} />
        )}
        {!m.sender.suspendedAt && (
          <ReasonedAction id={`suspend-${m.id}`} label={`Suspend ${sender}`} rule={TEXT_RULES.suspendReason} tone="danger" reasonLabel="Why are they suspended? (they see this)"
            confirm={<>{sender} is signed out everywhere. They can sign in and read, but cannot propose, post jobs or withdraw until an admin lifts it on the People page.</>}
            submit={act(actions.suspend)} isPending={actions.suspend.isPending} error={actions.suspend.error} />
        )}
        {!m.reviewedAt && (
          <ReasonedAction id={`dismiss-${m.id}`} rule={TEXT_RULES.flagReviewNote} label="Dismiss flag" tone="secondary" reasonLabel="Why is it fine? (only admins see this)"
            confirm="Nothing happens to the message or its sender; it leaves the queue and your note goes to the audit log."
            submit={act(actions.dismiss)} isPending={actions.dismiss.isPending} error={actions.dismiss.error} />
        )}
      </div>
    </li>
  );
}
