"use client";

import { bidWarning, TEXT_RULES, type JobBudget } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Button, Card } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { PROPOSAL_SERVER_FIELDS as SERVER_FIELDS, parseProposal, type ProposalInput } from "./proposal-values";
import { FormField, FormTextArea } from "@/features/shared/form-fields";
import { useDebounced } from "@/lib/use-debounced";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { readMoney } from "@/lib/money";
import { useTerms } from "@/features/shared/terms";
import { useTRPC } from "@/trpc/client";
import { ConfirmProposal } from "./confirm-proposal";
import { FeePreviewPanel } from "./fee-preview-panel";

interface Props {
  jobId: string;
  /** The job's type and what the client said they would pay, for the bid's warning (economy.md §12.1). */
  job: JobBudget;
  costForYou: number;
  balance: number;
  invited: boolean;
}

/** Cover letter, bid and optional boost; a confirm step states the connects spent before submitting. */
export function ProposalForm({ jobId, job, costForYou, balance }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseProposal, { coverLetter: "", bid: "", boost: "0" });
  const [confirming, setConfirming] = useState<ProposalInput | null>(null);
  const typedBid = useWatch({ control: form.control, name: "bid" });
  const bid = readMoney(typedBid);
  const debouncedBid = useDebounced(bid.ok ? bid.minor : null);
  const warning = bid.ok ? bidWarning(bid.minor, job)?.sentence : undefined;
  const submit = useMutation(
    trpc.proposal.submit.mutationOptions({
      onSuccess: async () => {
        renew();
        await Promise.all([queryClient.invalidateQueries(trpc.job.get.queryFilter({ jobId })), queryClient.invalidateQueries(trpc.connects.pathFilter())]);
      },
    }),
  );
  useOnEdit(form, () => { submit.reset(); renew(); });
  const terms = useTerms();
  const send = (proposal: ProposalInput) =>
    submit.mutate(
      { jobId, idempotencyKey: key, ...proposal },
      {
        onError: (error) => {
          // A refusal about a field goes back to the form, beside that field.
          if (serverProblems(error, SERVER_FIELDS).fields.length > 0) {
            setConfirming(null);
            showServerProblems(form, error, SERVER_FIELDS);
          }
        },
      },
    );

  return (
    <Card title="Send a proposal">
      <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="space-y-4">
        <fieldset disabled={confirming !== null} className="space-y-4">
          <FormTextArea form={form} name="coverLetter" id="cover-letter" label="Cover letter" rows={6} limit={TEXT_RULES.coverLetter.max} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField form={form} name="bid" id="bid" label={job.type === "HOURLY" ? "Your hourly rate ($)" : "Your bid ($)"} inputMode="decimal" warning={warning} />
            <FormField form={form} name="boost" id="boost" label="Boost (extra connects, optional)" type="number" min={0}
              hint={`A boost bids for the top ${terms.data ? `${terms.data.boostSlots} ` : ""}slots; it comes back if you do not win one, unless the client interacts with your proposal while it is boosted.`} />
          </div>
        </fieldset>
        <div aria-live="polite" className="rounded-md bg-slate-50 p-3">
          <FeePreviewPanel jobId={jobId} bidMinor={debouncedBid} />
        </div>
        {confirming ? (
          <ConfirmProposal
            cost={costForYou} boost={confirming.boostConnects} balance={balance} pending={submit.isPending} error={submit.error} warning={warning}
            onBack={() => { setConfirming(null); submit.reset(); renew(); }}
            onConfirm={() => send(confirming)}
          />
        ) : (
          <Button type="submit">Review proposal</Button>
        )}
      </form>
    </Card>
  );
}
