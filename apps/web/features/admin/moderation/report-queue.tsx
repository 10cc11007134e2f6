"use client";

import { TEXT_RULES } from "@fairlance/rules";
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert, Card, EmptyState } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/client";
import { ReasonedAction } from "../reasoned-action";

type QueueItem = inferRouterOutputs<AppRouter>["report"]["queue"][number];
type Action = QueueItem["actions"][number]["action"];

const ACTION_LABEL: Record<Action, (item: QueueItem) => string> = {
  remove: (item) => `Remove ${item.noun}`,
  warn: (item) => `Warn ${item.owner.name}`,
  suspend: (item) => `Suspend ${item.owner.name}`,
  dismiss: () => "Dismiss reports",
};
const DANGER: ReadonlySet<Action> = new Set(["remove", "suspend"]);
const DONE: Record<Action, string> = {
  remove: "Removed. Every reporter and the owner were told.",
  warn: "Warning sent. Every reporter was told.",
  suspend: "Suspended. Every reporter was told.",
  dismiss: "Dismissed. Every reporter was told.",
};

/**
 * Reports and the scam shield's flags together, grouped by object, highest priority first
 * (economy.md §5.2): each object with its text, its owner, every report's reason and note, and the
 * actions, each saying what it will do before the admin confirms.
 */
export function ReportQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const queue = useQuery(trpc.report.queue.queryOptions());
  const resolve = useMutation(
    trpc.report.resolve.mutationOptions({
      onSuccess: async (result) => {
        setNotice(DONE[result.outcome === "DISMISSED" ? "dismiss" : result.outcome === "REMOVED" ? "remove" : result.outcome === "WARNED" ? "warn" : "suspend"]);
        await Promise.all([queryClient.invalidateQueries(trpc.report.pathFilter()), queryClient.invalidateQueries(trpc.admin.pathFilter())]);
      },
    }),
  );
  const items = queue.data;
  return (
    <Card title={items ? `Reports and flags · ${items.length} waiting` : "Reports and flags"}>
      <p className="mb-3 text-sm text-slate-600">Highest priority first: a scam report counts 3, off-platform payment or harassment 2, anything else 1, a scam-shield flag 2.</p>
      <div aria-live="polite" className="mb-3">{notice && <Alert tone="success">{notice}</Alert>}</div>
      <ErrorAlert error={queue.error} />
      {items &&
        (items.length === 0 ? (
          <EmptyState title="Nothing reported">No report or flag waits for an admin.</EmptyState>
        ) : (
          <ol className="space-y-4" data-testid="report-queue">
            {items.map((item) => (
              <li key={`${item.objectKind}:${item.objectId}`} id={`report-${item.objectId}`} className="space-y-2 rounded-md border border-amber-300 bg-amber-50/40 p-3 text-sm" data-testid="reported-object">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">
                    <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium uppercase text-slate-700">{item.noun}</span>
                    {item.href ? <Link href={item.href} className="text-brand-700 underline">{item.title}</Link> : item.title}
                  </h3>
                  <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Priority {item.priority}</span>
                </div>
                <p className="text-xs text-slate-600">
                  By <Link href={`/admin/people?user=${item.owner.id}`} className="font-medium text-brand-700 underline">{item.owner.name}</Link>
                  {" · "}
                  {item.owner.warnings === 0 ? "never warned" : `warned ${item.owner.warnings} ${item.owner.warnings === 1 ? "time" : "times"}`}
                  {item.owner.suspended ? " · suspended" : ""}
                  {" · first reported "}
                  {formatDateTime(item.firstReportedAt)}
                </p>
                {item.text && <blockquote className="max-h-40 overflow-y-auto whitespace-pre-line break-words rounded border-l-4 border-red-400 bg-white p-2 text-slate-900">{item.text}</blockquote>}
                {item.flags.length > 0 && (
                  <p className="flex flex-wrap items-center gap-1">
                    <span className="text-xs font-medium text-slate-600">Scam shield:</span>
                    {item.flags.map((flag) => <span key={flag.patternId} className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">{flag.label}</span>)}
                  </p>
                )}
                {item.reports.length > 0 && (
                  <ul className="space-y-1" aria-label={`Reports of this ${item.noun}`}>
                    {item.reports.map((report) => (
                      <li key={report.id} className="rounded bg-white p-2">
                        <span className="font-medium">{report.reasonLabel}</span> — {report.reporter.name}, {formatDateTime(report.createdAt)}
                        {report.note && <p className="mt-0.5 whitespace-pre-line break-words text-slate-700">“{report.note}”</p>}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="flex flex-wrap gap-2">
                  {item.actions
                    .filter((a) => a.available)
                    .map((a) => (
                      <ReasonedAction
                        key={a.action}
                        id={`${a.action}-${item.objectId}`}
                        label={ACTION_LABEL[a.action](item)}
                        rule={TEXT_RULES.reportOutcomeReason}
                        tone={DANGER.has(a.action) ? "danger" : "secondary"}
                        reasonLabel="Why? (the reporters see this; the owner too when something is done)"
                        confirm={a.effect}
                        submit={(idempotencyKey, reason, done) => {
                          setNotice("");
                          resolve.mutate({ idempotencyKey, objectKind: item.objectKind, objectId: item.objectId, action: a.action, reason }, { onSuccess: done });
                        }}
                        isPending={resolve.isPending}
                        error={resolve.variables?.objectId === item.objectId && resolve.variables.action === a.action ? resolve.error : null}
                      />
                    ))}
                </div>
              </li>
            ))}
          </ol>
        ))}
    </Card>
  );
}
