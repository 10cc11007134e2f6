import { roleTitle } from "@fairlance/rules";
import { scrollRegion } from "@/components/ui";
import { formatDate } from "@/lib/format";
import type { AdminOutputs } from "../types";

type Row = AdminOutputs["people"]["list"]["users"][number];

export function PeopleTable({ users, selected, onSelect }: { users: Row[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <div className="overflow-x-auto" {...scrollRegion("People")}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">People, newest first</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr><th scope="col" className="py-1 pr-3">Person</th><th scope="col" className="py-1 pr-3">Role</th><th scope="col" className="py-1 pr-3">Joined</th><th scope="col" className="py-1">Status</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} className={selected === user.id ? "bg-brand-50" : undefined}>
              <td className="py-2 pr-3">
                <button type="button" onClick={() => onSelect(user.id)} className="text-left font-medium text-brand-700 underline" aria-label={`Open ${user.name}`}>
                  {user.name}
                </button>
                <div className="break-all text-xs text-slate-600">{user.email}</div>
              </td>
              <td className="py-2 pr-3">{roleTitle(user.role)}</td>
              <td className="whitespace-nowrap py-2 pr-3">{formatDate(user.createdAt)}</td>
              <td className="py-2">
                {user.suspendedAt ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">Suspended</span> : "Active"}
                {user.risingTalentAt && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Rising Talent</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
