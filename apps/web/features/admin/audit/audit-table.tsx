import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { storedText } from "@/lib/stored-text";
import type { AdminOutputs } from "../types";

type Row = AdminOutputs["audit"]["search"]["rows"][number];
type Shown = Row["changes"][number]["before"];

function Value({ value }: { value: Shown }) {
  if (value === null) return <span className="text-slate-400">none</span>;
  return <span>{value instanceof Date ? formatDateTime(value) : value}</span>;
}

/**
 * Every admin action, newest first, in words (economy.md §6): who, what to whom (linked to the
 * page that shows it), each value before and after, and why. What was recorded, as stored, is
 * one click away for those who need it.
 */
export function AuditTable({ rows }: { rows: Row[] }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="audit-log" aria-label="Admin actions, newest first">
      {rows.map((row) => (
        <li key={row.id.toString()} className="space-y-1.5 py-3 text-sm">
          <p className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-500">
            <span className="font-semibold text-slate-700">{row.actor?.name ?? "The system"}</span>
            <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
          </p>
          <p className="font-medium text-slate-900">
            {row.summary.before}
            {row.target.href ? <Link href={row.target.href} className="text-brand-700 underline">{row.target.label}</Link> : row.target.label}
            {row.summary.after}
          </p>
          {(row.changes.length > 0 || row.facts.length > 0) && (
            <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5">
              {row.changes.map((change) => (
                <div key={change.label} className="contents">
                  <dt className="text-slate-500">{change.label}</dt>
                  <dd className="break-words">
                    <Value value={change.before} /> <span aria-label="changed to">→</span> <strong className="font-semibold"><Value value={change.after} /></strong>
                  </dd>
                </div>
              ))}
              {row.facts.map((fact) => (
                <div key={fact.label} className="contents">
                  <dt className="text-slate-500">{fact.label}</dt>
                  <dd className="break-words"><Value value={fact.value} /></dd>
                </div>
              ))}
            </dl>
          )}
          <p><span className="text-slate-500">Why: </span>{row.reason}</p>
          <details className="text-xs text-slate-500">
            <summary className="cursor-pointer">As recorded</summary>
            <p className="mt-1 break-all font-mono">
              {row.action} · {row.targetType} {row.targetId}
            </p>
            <p className="mt-1 break-all font-mono">{storedText(row.before)} → {storedText(row.after)}</p>
          </details>
        </li>
      ))}
    </ol>
  );
}
