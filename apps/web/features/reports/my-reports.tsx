import type { inferRouterOutputs } from "@trpc/server";
import { Alert, Card, EmptyState } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import type { AppRouter } from "@/server/root";

type Reports = inferRouterOutputs<AppRouter>["report"]["mine"];

const OBJECT_NOUN = { JOB: "Job", PROPOSAL: "Proposal", MESSAGE: "Message", PROFILE: "Profile" } as const;

/** "Your reports": each report with its reason, note and status; once decided, the outcome and why (economy.md §5.2). */
export function MyReports({ reports }: { reports: { ok: true; data: Reports } | { ok: false; message: string } }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your reports</h1>
      <p className="text-sm text-slate-600">What you reported, and what Fairlance decided. Only Fairlance&apos;s admins see your reports; the person you reported is never told who reported them.</p>
      {!reports.ok ? (
        <Alert>{reports.message}</Alert>
      ) : reports.data.length === 0 ? (
        <Card>
          <EmptyState title="No reports yet">When a job, proposal, message or profile looks wrong, use its “Report” button; you will find it here.</EmptyState>
        </Card>
      ) : (
        <ol className="space-y-3" data-testid="my-reports">
          {reports.data.map((report) => (
            <li key={report.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="my-report">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="min-w-0 break-words font-medium text-slate-900">
                  {OBJECT_NOUN[report.objectKind]}: {report.object ?? "no longer exists"}
                </p>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${report.outcome ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}>
                  {report.outcome ? "Decided" : "Received, waiting for an admin"}
                </span>
              </div>
              <p className="text-xs text-slate-600">
                {report.reasonLabel} · sent {formatDateTime(report.createdAt)}
              </p>
              {report.note && <p className="mt-1 whitespace-pre-line break-words text-slate-700">“{report.note}”</p>}
              {report.outcome && (
                <p className="mt-2 rounded bg-emerald-50 p-2 text-emerald-900" data-testid="report-outcome">
                  {formatDateTime(report.outcome.at)}: {report.outcome.words.charAt(0).toUpperCase() + report.outcome.words.slice(1)} — {report.outcome.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
