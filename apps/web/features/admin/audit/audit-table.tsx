import { scrollRegion } from "@/components/ui";
import { storedText } from "@/lib/stored-text";
import type { AdminOutputs } from "../types";

type Row = AdminOutputs["audit"]["search"]["rows"][number];
const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;


export function AuditTable({ rows }: { rows: Row[] }) {
  return (
    <div className="overflow-x-auto" {...scrollRegion("Audit log")}>
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">Admin actions, newest first</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>{["When", "Who", "Action", "Target", "Why", "Before → after"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id.toString()} className="align-top">
              <td className="whitespace-nowrap py-2 pr-3">{when(row.createdAt)}</td>
              <td className="py-2 pr-3">{row.actor?.name ?? "System"}</td>
              <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
              <td className="break-all py-2 pr-3 text-xs">{row.targetType} <span className="font-mono">{row.targetId}</span></td>
              <td className="py-2 pr-3">{row.reason}</td>
              <td className="max-w-xs break-all py-2 font-mono text-xs text-slate-600">{storedText(row.before)} → {storedText(row.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
