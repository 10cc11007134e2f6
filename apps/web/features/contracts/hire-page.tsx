"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Bid, Money } from "@/components/money";
import { Button, Card, FormAlert, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { FreelancerSummary } from "@/features/shared/freelancer-summary";
import { serverProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatCount } from "@fairlance/rules";
import { formatBid, formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { formatRate } from "./format";
import { MilestoneEditor, readTerms, type TermsValues } from "./milestone-editor";
import { useAfterSuccess } from "./use-after-success";
import type { RouterOutputs } from "./types";

type HireQuote = RouterOutputs["contract"]["hireQuote"];

export function HirePage({ proposalId }: { proposalId: string }) {
  const trpc = useTRPC();
  const quote = useQuery(trpc.contract.hireQuote.queryOptions({ proposalId }));
  if (quote.isPending) return <Skeleton className="h-64 w-full" />;
  if (quote.isError) return <ErrorAlert error={quote.error} />;
  return <HireForm proposalId={proposalId} q={quote.data} />;
}

/** The offer's terms, once the quote is here (the first milestone starts as the whole bid). */
function HireForm({ proposalId, q }: { proposalId: string; q: HireQuote }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm((values: TermsValues) => readTerms(values, { withRate: false }), {
    title: "", type: q.job.type, milestones: [{ title: q.job.title, amount: formatMoney(q.bidMinor) }], rate: "", limit: "20",
  });
  const hire = useMutation(trpc.contract.hire.mutationOptions({ onSuccess: async (offer) => { await done(); router.push(`/contracts/${offer.contractId}`); } }));
  useOnEdit(form, () => { hire.reset(); renew(); });
  const submit = form.handleSubmit((terms) =>
    hire.mutate({ idempotencyKey: key, proposalId, terms: terms.type === "FIXED" ? terms : { type: "HOURLY", weeklyLimitHours: terms.weeklyLimitHours } }),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Hire {q.freelancer.name}</h1>
      <Card title={q.job.title}>
        <div className="mb-4">
          <FreelancerSummary freelancer={q.freelancer} />
        </div>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">{q.job.type === "FIXED" ? "Their bid" : "Their hourly rate"}</dt><dd className="text-lg font-semibold"><Bid minor={q.bidMinor} jobType={q.job.type} /></dd></div>
          <div><dt className="text-slate-500">Client fee when you fund</dt><dd className="text-lg font-semibold">{formatRate(q.clientFeeBps)}</dd></div>
          <div><dt className="text-slate-500">{q.job.type === "FIXED" ? "Funding the whole bid charges" : "One hour is invoiced at"}</dt><dd className="text-lg font-semibold"><Money minor={q.bidClientFee.totalMinor} /></dd></div>
        </dl>
        <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{q.coverLetter}</p>
      </Card>
      <Card title="Offer terms">
        <form onSubmit={submit} noValidate className="space-y-4">
          {q.job.type === "FIXED" ? (
            <MilestoneEditor form={form} />
          ) : (
            <FormField form={form} name="limit" label="Weekly limit (hours)" id="weekly-limit" inputMode="numeric" hint={`Each week is invoiced on Monday at ${formatMoney(q.bidMinor)} per hour plus the ${formatRate(q.clientFeeBps)} client fee.`} />
          )}
          <p className="text-sm text-slate-600">Sending the offer charges nothing. {q.freelancer.name} has {formatCount(q.offerExpiryDays, "day")} to accept or decline it: the job is filled when they accept; if they decline or do not answer in time, the job stays open with all its proposals and you can hire again.{" "}
            {q.job.type === "FIXED"
              ? "You can fund the first milestone now or once they accept."
              : `Nothing is charged up front and there are no milestones: once they accept, they log their hours, and each Monday the hours of the week before (never more than the weekly limit) are charged to your card at ${formatBid(q.bidMinor, "HOURLY")} plus the ${formatRate(q.clientFeeBps)} client fee. You can dispute that invoice until the end of the Friday.`}
          </p>
          <Button type="submit" disabled={hire.isPending}>{hire.isPending ? "Sending…" : "Send offer"}</Button>
          <div aria-live="polite"><FormAlert message={serverProblems(hire.error, {}).alert} /></div>
        </form>
      </Card>
    </div>
  );
}
