"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Bid, Money } from "@/components/money";
import { Alert, Button, Card, Field, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { FIELD_TEXT, formatCount } from "@fairlance/rules";
import { formatBid, formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { formatRate } from "./format";
import { MilestoneEditor, readMilestones, type MilestoneRow } from "./milestone-editor";
import { useAfterSuccess } from "./use-after-success";

export function HirePage({ proposalId }: { proposalId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const quote = useQuery(trpc.contract.hireQuote.queryOptions({ proposalId }));
  const [rows, setRows] = useState<MilestoneRow[] | null>(null);
  const [limit, setLimit] = useState("20");
  const [error, setError] = useState<string>();
  const hire = useMutation(trpc.contract.hire.mutationOptions({ onSuccess: async (offer) => { await done(); router.push(`/contracts/${offer.contractId}`); } }));
  if (quote.isPending) return <Skeleton className="h-64 w-full" />;
  if (quote.isError) return <ErrorAlert error={quote.error} />;
  const q = quote.data;
  const milestoneRows = rows ?? [{ title: q.job.title, amount: formatMoney(q.bidMinor) }];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.job.type === "HOURLY") {
      if (!/^\d+$/.test(limit.trim())) return setError(FIELD_TEXT.weeklyLimitWholeHours);
      setError(undefined);
      return hire.mutate({ idempotencyKey: key, proposalId, terms: { type: "HOURLY", weeklyLimitHours: Number(limit) } });
    }
    const parsed = readMilestones(milestoneRows);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    hire.mutate({ idempotencyKey: key, proposalId, terms: { type: "FIXED", milestones: parsed.milestones } });
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Hire {q.freelancer.name}</h1>
      <Card title={q.job.title}>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">{q.job.type === "FIXED" ? "Their bid" : "Their hourly rate"}</dt><dd className="text-lg font-semibold"><Bid minor={q.bidMinor} jobType={q.job.type} /></dd></div>
          <div><dt className="text-slate-500">Client fee when you fund</dt><dd className="text-lg font-semibold">{formatRate(q.clientFeeBps)}</dd></div>
          <div><dt className="text-slate-500">{q.job.type === "FIXED" ? "Funding the whole bid charges" : "One hour is invoiced at"}</dt><dd className="text-lg font-semibold"><Money minor={q.bidClientFee.totalMinor} /></dd></div>
        </dl>
        <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{q.coverLetter}</p>
      </Card>
      <Card title="Offer terms">
        <form onSubmit={submit} className="space-y-4">
          {q.job.type === "FIXED" ? (
            <MilestoneEditor rows={milestoneRows} onChange={setRows} />
          ) : (
            <Field label="Weekly limit (hours)" id="weekly-limit" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} hint={`Each week is invoiced on Monday at ${formatMoney(q.bidMinor)} per hour plus the ${formatRate(q.clientFeeBps)} client fee.`} required />
          )}
          {error && <Alert>{error}</Alert>}
          <p className="text-sm text-slate-600">Sending the offer charges nothing. {q.freelancer.name} has {formatCount(q.offerExpiryDays, "day")} to accept or decline it: the job is filled when they accept; if they decline or do not answer in time, the job stays open with all its proposals and you can hire again.{" "}
            {q.job.type === "FIXED"
              ? "You can fund the first milestone now or once they accept."
              : `Nothing is charged up front and there are no milestones: once they accept, they log their hours, and each Monday the hours of the week before (never more than the weekly limit) are charged to your card at ${formatBid(q.bidMinor, "HOURLY")} plus the ${formatRate(q.clientFeeBps)} client fee. You can dispute that invoice until the end of the Friday.`}
          </p>
          <Button type="submit" disabled={hire.isPending}>{hire.isPending ? "Sending…" : "Send offer"}</Button>
          <div aria-live="polite"><ErrorAlert error={hire.error} /></div>
        </form>
      </Card>
    </div>
  );
}
