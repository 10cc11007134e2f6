"use client";

import { useState } from "react";
import { Alert, Button, Card } from "@/components/ui";

export interface LedgerFilter {
  accountKey?: string;
  userId?: string;
  jobId?: string;
  contractId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = [
  { name: "accountKey", label: "Account key starts with", hint: "e.g. platform_revenue, freelancer_available:<id>" },
  { name: "userId", label: "Person id", hint: "Both ledgers" },
  { name: "jobId", label: "Job id", hint: "Both ledgers" },
  { name: "contractId", label: "Contract id", hint: "Money ledger" },
] as const;

export function LedgerFilters({ initial, onApply }: { initial: LedgerFilter; onApply: (filter: LedgerFilter) => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...initial }));
  const [error, setError] = useState("");
  function apply() {
    const filter: LedgerFilter = {};
    for (const { name, label } of FIELDS) {
      const value = values[name]?.trim();
      if (!value) continue;
      if (name !== "accountKey" && !UUID.test(value)) return setError(`${label}: paste a full id.`);
      filter[name] = value;
    }
    setError("");
    onApply(filter);
  }
  return (
    <Card title="Filter">
      <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(event) => { event.preventDefault(); apply(); }}>
        {FIELDS.map((field) => (
          <label key={field.name} className="text-sm font-medium">
            {field.label}
            <input value={values[field.name] ?? ""} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal" />
            <span className="text-xs font-normal text-slate-500">{field.hint}</span>
          </label>
        ))}
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">Apply filters</Button>
          <Button type="button" variant="secondary" onClick={() => { setValues({}); setError(""); onApply({}); }}>Clear</Button>
        </div>
      </form>
      {error && <div className="mt-2"><Alert>{error}</Alert></div>}
    </Card>
  );
}
