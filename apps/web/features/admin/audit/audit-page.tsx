"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useRulesForm } from "@/features/shared/form";
import { FormField, FormSelect } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import { AuditTable } from "./audit-table";

/** What happened, in words; the value is the start of the stored action names it covers. */
const ACTIONS = [
  ["", "Any action"],
  ["setting.", "Settings changed"],
  ["connects.", "Connects granted or taken back"],
  ["job.remove", "Jobs removed"],
  ["message.", "Messages removed"],
  ["user.warn", "People warned"],
  ["user.suspend", "People suspended"],
  ["user.unsuspend", "Suspensions lifted"],
  ["user.createAdmin", "Admins added"],
  ["dispute.", "Disputes decided"],
  ["report.", "Reports decided"],
  ["proposal.remove", "Proposals removed"],
] as const;

const FIELDS = [
  { name: "actor", label: "By (admin's name or email)", placeholder: "ada" },
  { name: "target", label: "About (a person's, job's or contract's id)", placeholder: "8c1f…" },
  { name: "text", label: "Reason contains", placeholder: "refund" },
] as const;
type Search = Partial<Record<"action" | (typeof FIELDS)[number]["name"], string>>;

/** Only the filters typed in (an empty box filters nothing). */
const filled = (values: Search): Search => Object.fromEntries(Object.entries(values).filter(([, value]) => value?.trim())) as Search;

/** Every admin action, append-only, newest first: who, what, before, after, why. */
export function AuditPage() {
  const trpc = useTRPC();
  const form = useRulesForm((values: Required<Search>) => ({ ok: true as const, value: values }), { action: "", actor: "", target: "", text: "" });
  const [search, setSearch] = useState<Search>({});
  const [page, setPage] = useState(1);
  const audit = useQuery(trpc.admin.audit.search.queryOptions({ ...search, page }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <Card>
        <form role="search" noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit((values) => { setSearch(filled(values)); setPage(1); })}>
          <FormSelect form={form} name="action" id="audit-action" label="What happened">
            {ACTIONS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </FormSelect>
          {FIELDS.map((f) => (
            <FormField key={f.name} form={form} name={f.name} id={`audit-${f.name}`} label={f.label} placeholder={f.placeholder} />
          ))}
          <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit">Search</Button>
            <Button type="button" variant="secondary" onClick={() => { form.reset(); setSearch({}); setPage(1); }}>Clear</Button>
          </div>
        </form>
      </Card>
      <Card>
        {audit.isPending && <Skeleton className="h-40 w-full" />}
        <ErrorAlert error={audit.error} />
        {audit.data && (audit.data.rows.length === 0 ? <EmptyState title="No admin actions match" /> : (
          <>
            <AuditTable rows={audit.data.rows} />
            <Pager label="Audit log" page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} onPage={setPage} />
          </>
        ))}
      </Card>
    </div>
  );
}
