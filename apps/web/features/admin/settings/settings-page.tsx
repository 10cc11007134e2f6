"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { SettingRow } from "./setting-row";

const GROUPS = [
  { group: "connects", title: "Connects and membership" },
  { group: "jobs", title: "Jobs and contracts" },
  { group: "fees", title: "Fees" },
  { group: "payouts", title: "Payouts" },
  { group: "trust", title: "Trust and safety" },
] as const;

/** Every [admin] value of the marketplace, grouped; each change has an effective time, a reason and a history. */
export function SettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.list.queryOptions());
  const [saved, setSaved] = useState("");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Marketplace settings</h1>
      <p className="text-sm text-slate-600">A change applies only to what happens after it takes effect: purchases keep their price, proposals their cost, contracts their fee schedule.</p>
      <div aria-live="polite">{saved && <Alert tone="success">{saved}</Alert>}</div>
      {settings.isPending && <Skeleton className="h-64 w-full" />}
      <ErrorAlert error={settings.error} />
      {settings.data &&
        GROUPS.map(({ group, title }) => (
          <Card key={group} title={title}>
            <ul className="divide-y divide-slate-100">
              {settings.data.filter((s) => s.group === group).map((setting) => <SettingRow key={setting.key} setting={setting} onSaved={setSaved} />)}
            </ul>
          </Card>
        ))}
    </div>
  );
}
