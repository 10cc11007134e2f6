"use client";

import { Button, Card } from "@/components/ui";
import { problemsOf, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";

export interface LedgerFilter {
  accountKey?: string;
  userId?: string;
  jobId?: string;
  contractId?: string;
}

type FilterValues = Required<{ [K in keyof LedgerFilter]: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = [
  { name: "accountKey", label: "Account key starts with", hint: "e.g. platform_revenue, freelancer_available:<id>" },
  { name: "userId", label: "Person id", hint: "Both ledgers" },
  { name: "jobId", label: "Job id", hint: "Both ledgers" },
  { name: "contractId", label: "Contract id", hint: "Money ledger" },
] as const;
const EMPTY: FilterValues = { accountKey: "", userId: "", jobId: "", contractId: "" };

/** The filled filters; an id must be a whole id (a part of one matches nothing). */
function parseFilter(values: FilterValues) {
  const check = problemsOf<FilterValues>();
  const filter: LedgerFilter = {};
  for (const { name } of FIELDS) {
    const value = values[name].trim();
    if (!value) continue;
    if (name !== "accountKey" && !UUID.test(value)) check.add(name, "Paste a full id.");
    filter[name] = value;
  }
  return check.done(() => filter);
}

export function LedgerFilters({ initial, onApply }: { initial: LedgerFilter; onApply: (filter: LedgerFilter) => void }) {
  const form = useRulesForm(parseFilter, { ...EMPTY, ...initial });
  return (
    <Card title="Filter">
      <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(onApply)} noValidate>
        {FIELDS.map((field) => (
          <FormField key={field.name} form={form} name={field.name} id={`ledger-${field.name}`} label={field.label} hint={field.hint} />
        ))}
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">Apply filters</Button>
          <Button type="button" variant="secondary" onClick={() => { form.reset(EMPTY); onApply({}); }}>Clear</Button>
        </div>
      </form>
    </Card>
  );
}
