"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { rolePluralTitle, type RoleName } from "@fairlance/rules";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import { CreateAdminForm } from "./create-admin-form";
import { PeopleTable } from "./people-table";
import { UserDetail } from "./user-detail";

/** The filter's choices, in the order the console lists them. */
const ROLES: readonly RoleName[] = ["FREELANCER", "CLIENT", "ADMIN"];

/** Search people, filter by role, open one to grant or take back connects, award Rising Talent or suspend. */
export function PeoplePage({ initialUserId = null }: { initialUserId?: string | null }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [role, setRole] = useState<RoleName | "">("");
  const [suspendedOnly, setSuspendedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(initialUserId);
  const list = useQuery(trpc.admin.people.list.queryOptions({ query: query || undefined, role: role || null, suspendedOnly, page }));
  const filter = (fn: () => void) => { fn(); setPage(1); };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">People</h1>
      {list.data && (
        <p className="text-sm text-slate-600">
          {list.data.countsByRole.map((g) => `${rolePluralTitle(g.role)}: ${g.count}`).join(" · ")} · Suspended: {list.data.suspended}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <Card>
          <form role="search" className="mb-3 flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
            <label className="flex min-w-48 flex-1 flex-col text-sm font-medium">
              Search by name or email
              <input type="search" value={query} onChange={(e) => filter(() => setQuery(e.target.value))} className="mt-1 rounded-md border border-slate-300 px-3 py-2 font-normal" />
            </label>
            <label className="flex flex-col text-sm font-medium">
              Role
              <select value={role} onChange={(e) => filter(() => setRole(e.target.value as RoleName | ""))} className="mt-1 rounded-md border border-slate-300 px-2 py-2 font-normal">
                <option value="">Everyone</option>
                {ROLES.map((value) => <option key={value} value={value}>{rolePluralTitle(value)}</option>)}
              </select>
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={suspendedOnly} onChange={(e) => filter(() => setSuspendedOnly(e.target.checked))} /> Suspended only
            </label>
          </form>
          {list.isPending && <Skeleton className="h-40 w-full" />}
          <ErrorAlert error={list.error} />
          {list.data && (list.data.users.length === 0 ? (
            <EmptyState title="Nobody matches">Try another name, email or role.</EmptyState>
          ) : (
            <>
              <PeopleTable users={list.data.users} selected={selected} onSelect={setSelected} />
              <Pager label="People" page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
            </>
          ))}
        </Card>
        {/* Opened from a link (?user=): on a phone the person comes first, above the list. */}
        <div className={`space-y-4 ${selected && selected === initialUserId ? "order-first lg:order-none" : ""}`}>
          {selected ? <UserDetail userId={selected} /> : <EmptyState title="Choose a person">Their details and actions appear here.</EmptyState>}
          <CreateAdminForm />
        </div>
      </div>
    </div>
  );
}
