"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, Field } from "@/components/ui";
import { useDebounced } from "@/lib/use-debounced";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { readMoney } from "@/lib/money";
import { useTerms } from "@/features/shared/terms";
import { useTRPC } from "@/trpc/client";
import { ConfirmProposal } from "./confirm-proposal";
import { FeePreviewPanel } from "./fee-preview-panel";

interface Props {
  jobId: string;
  jobType: "FIXED" | "HOURLY";
  costForYou: number;
  balance: number;
  invited: boolean;
}

/** Cover letter, bid and optional boost; a confirm step states the connects spent before submitting. */
export function ProposalForm({ jobId, jobType, costForYou, balance }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [form, setForm] = useState({ coverLetter: "", bid: "", boost: "0" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const bid = readMoney(form.bid);
  const debouncedBid = useDebounced(bid.ok ? bid.minor : null);
  const submit = useMutation(
    trpc.proposal.submit.mutationOptions({
      onSuccess: async () => {
        renew();
        await Promise.all([queryClient.invalidateQueries(trpc.job.get.queryFilter({ jobId })), queryClient.invalidateQueries(trpc.connects.pathFilter())]);
      },
    }),
  );
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });
  const boost = /^\d+$/.test(form.boost.trim()) ? Number(form.boost.trim()) : null;
  const terms = useTerms();

  function review() {
    const found: Record<string, string> = {};
    if (form.coverLetter.trim().length < 20) found.coverLetter = "Write a cover letter of at least 20 characters.";
    if (!bid.ok) found.bid = bid.error;
    else if (bid.minor <= 0n) found.bid = "Your bid must be above $0.00.";
    if (boost === null) found.boost = "Boost with a whole number of connects (0 for none).";
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  return (
    <Card title="Send a proposal">
      <div className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="cover-letter" className="block text-sm font-medium text-slate-800">Cover letter</label>
          <textarea
            id="cover-letter" rows={6} value={form.coverLetter} onChange={set("coverLetter")} disabled={confirming}
            aria-invalid={errors.coverLetter ? true : undefined} aria-describedby={errors.coverLetter ? "cover-letter-error" : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
          />
          {errors.coverLetter && <p id="cover-letter-error" className="text-xs text-red-700">{errors.coverLetter}</p>}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="bid" label={jobType === "HOURLY" ? "Your hourly rate ($)" : "Your bid ($)"} inputMode="decimal" value={form.bid} onChange={set("bid")} error={errors.bid} disabled={confirming} />
          <Field id="boost" label="Boost (extra connects, optional)" type="number" min={0} value={form.boost} onChange={set("boost")} error={errors.boost} disabled={confirming}
            hint={`A boost bids for the top ${terms.data ? `${terms.data.boostSlots} ` : ""}slots; it comes back if you do not win one.`} />
        </div>
        <div aria-live="polite" className="rounded-md bg-slate-50 p-3">
          <FeePreviewPanel jobId={jobId} bidMinor={debouncedBid} />
        </div>
        {confirming && bid.ok && boost !== null ? (
          <ConfirmProposal
            cost={costForYou} boost={boost} balance={balance} pending={submit.isPending} error={submit.error}
            onBack={() => { setConfirming(false); submit.reset(); renew(); }}
            onConfirm={() => submit.mutate({ jobId, idempotencyKey: key, coverLetter: form.coverLetter, bidMinor: bid.minor, boostConnects: boost })}
          />
        ) : (
          <Button onClick={review}>Review proposal</Button>
        )}
      </div>
    </Card>
  );
}
