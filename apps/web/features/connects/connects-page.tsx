"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Card, Skeleton, Stat } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { BuyConnects } from "./buy-connects";
import { ConnectsHistory } from "./connects-history";
import { MembershipCard } from "./membership-card";
import { formatConnects } from "@fairlance/rules";

/** Connects: balance, what expires soon, buying, Freelancer Plus, ROI (`roi`, drawn on the server) and the full history (economy.md §2, §8). */
export function ConnectsPage({ roi }: { roi: ReactNode }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.connects.overview.queryOptions());
  if (overview.isPending) return <div className="space-y-4" aria-busy="true"><Skeleton className="h-24 w-full" /><Skeleton className="h-64 w-full" /></div>;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const data = overview.data;
  const expiring = data.lotsExpiringSoon.reduce((sum, lot) => sum + lot.connects, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Connects</h1>
      <dl className="grid gap-4 sm:grid-cols-3" aria-live="polite">
        <Stat label="Balance" value={<span data-testid="connects-balance">{data.balance}</span>} hint="Connects you can spend now" />
        <Stat label="Expiring within 30 days" value={expiring} hint={data.lotsExpiringSoon.length ? `First on ${formatDate(data.lotsExpiringSoon[0]!.expiresAt)}` : "Nothing expires soon"} />
        <Stat label="Freelancer Plus" value={data.membership.status === "NONE" ? "Not a member" : data.membership.status === "ACTIVE" ? "Active" : data.membership.status === "CANCELLED" ? "Cancelled" : "Ended"} />
      </dl>
      {data.lotsExpiringSoon.length > 0 && (
        <Card title="Expiring soon">
          <ul className="text-sm">
            {data.lotsExpiringSoon.map((lot) => <li key={lot.lotId}>{formatConnects(lot.connects)} expire on {formatDate(lot.expiresAt)}</li>)}
          </ul>
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <BuyConnects bundles={data.bundles} />
        <MembershipCard membership={data.membership} />
      </div>
      {roi}
      <ConnectsHistory history={data.history} balance={data.balance} reconciles={data.reconciles} />
    </div>
  );
}
