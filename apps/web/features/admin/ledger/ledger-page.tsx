"use client";

import { useState } from "react";
import { ConnectEntriesTable } from "./connect-entries-table";
import { GatewayFollowUp } from "./gateway-follow-up";
import { InvariantCheck } from "./invariant-check";
import { LedgerFilters, type LedgerFilter } from "./ledger-filters";
import { RevenueChart } from "./revenue-chart";
import { TransfersTable } from "./transfers-table";

/** The money and connects ledgers by account, person, job or contract; the invariant check; revenue by kind; reconciliation with the gateway and the refunds it owes. */
export function LedgerPage({ initial }: { initial: LedgerFilter }) {
  const [filter, setFilter] = useState<LedgerFilter>(() => Object.fromEntries(Object.entries(initial).filter(([, v]) => v)));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Ledger</h1>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <InvariantCheck />
        <RevenueChart />
      </div>
      <GatewayFollowUp />
      <LedgerFilters initial={filter} onApply={setFilter} />
      {/* A new filter starts both tables at page 1. */}
      <TransfersTable key={`t${JSON.stringify(filter)}`} filter={filter} />
      <ConnectEntriesTable key={`c${JSON.stringify(filter)}`} filter={filter} />
    </div>
  );
}
