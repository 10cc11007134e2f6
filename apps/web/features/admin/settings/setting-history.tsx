"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import type { AdminInputs } from "../types";

const STATUS = { scheduled: "Scheduled", in_force: "In force", replaced: "Replaced" } as const;
const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** Every version of one setting: who, when, why, before and after. */
export function SettingHistory({ settingKey, label }: { settingKey: AdminInputs["settings"]["history"]["key"]; label: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.admin.settings.history.queryOptions({ key: settingKey }));
  if (history.isPending) return <Skeleton className="mt-3 h-16 w-full" />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  if (history.data.length === 0) return <div className="mt-3"><EmptyState title="Never changed">This setting still has its default value.</EmptyState></div>;
  return (
    <div className="mt-3 overflow-x-auto" {...scrollRegion(`History of ${label}`)}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid={`history-${settingKey}`}>
        <caption className="sr-only">History of {label}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {["Effective", "Before", "After", "Who", "Why", "Status"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {history.data.map((line) => (
            <tr key={line.versionId} className="align-top">
              <td className="whitespace-nowrap py-2 pr-3">{when(line.effectiveFrom)}<div className="text-xs text-slate-500">recorded {when(line.recordedAt)}</div></td>
              <td className="py-2 pr-3">{line.before}</td>
              <td className="py-2 pr-3 font-medium">{line.after}</td>
              <td className="py-2 pr-3">{line.by?.name ?? "System"}</td>
              <td className="py-2 pr-3">{line.reason}</td>
              <td className="py-2">{STATUS[line.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
