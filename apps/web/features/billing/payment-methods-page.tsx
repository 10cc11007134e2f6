"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { AddCardForm } from "./add-card-form";
import { VerifiedBadge } from "./verified-badge";
import { VerifyCardForm } from "./verify-card-form";

const STATUS = { VERIFIED: "Verified", REQUIRES_VERIFICATION: "Needs verification", FAILED: "Failed" } as const;

/** `isClient`: "payment verified" is a client's standing (economy.md §1, §5); a freelancer's cards only buy connects. */
export function PaymentMethodsPage({ isClient }: { isClient: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.paymentMethod.list.queryOptions());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Payment methods</h1>
        {isClient && list.data && <VerifiedBadge verified={list.data.paymentVerified} />}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Your cards">
          {list.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : list.isError ? (
            <ErrorAlert error={list.error} />
          ) : list.data.methods.length === 0 ? (
            <EmptyState title="No card yet">{isClient ? "Add a card to fund milestones. A verified card makes you payment verified." : "Add a card to buy connects."}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Cards">
              {list.data.methods.map((method) => (
                <li key={method.id} className="py-3 text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">
                      {method.brand} …{method.last4}
                    </span>
                    <span className={method.status === "VERIFIED" ? "text-emerald-800" : "text-amber-800"}>
                      {STATUS[method.status]}
                      {method.verifiedAt && ` on ${formatDate(method.verifiedAt)}`}
                    </span>
                  </div>
                  {method.status === "REQUIRES_VERIFICATION" && <VerifyCardForm paymentMethodId={method.id} last4={method.last4} />}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Add a card">
          <AddCardForm />
        </Card>
      </div>
    </div>
  );
}
