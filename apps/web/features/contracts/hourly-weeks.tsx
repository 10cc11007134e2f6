"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Money } from "@/components/money";
import { Alert, Button, EmptyState, FormAlert } from "@/components/ui";
import { TEXT_RULES } from "@fairlance/rules";
import { parseOneText, serverProblems, showServerProblems, useRulesForm } from "@/features/shared/form";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate, formatDay, formatLastDay } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { formatMinutes } from "./format";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";

const WEEK_STATUS: Record<string, string> = {
  OPEN: "Open",
  INVOICED: "Invoiced",
  DISPUTED: "In dispute (escrow frozen)",
  RELEASED: "Paid to the freelancer",
  REFUNDED: "Refunded",
  SPLIT: "Split by a dispute's decision",
};

export function HourlyWeeks({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [disputing, setDisputing] = useState<string | null>(null);
  const form = useRulesForm(parseOneText(TEXT_RULES.weekDisputeReason), { text: "" });
  const router = useRouter();
  const dispute = useMutation(trpc.hourly.dispute.mutationOptions({ onSuccess: async (r) => { setDisputing(null); form.reset({ text: "" }); await done(); router.push(`/disputes/${r.disputeId}`); } }));
  if (contract.hourlyWeeks.length === 0) return <EmptyState title="No hours yet">Weeks appear here once time is logged.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" aria-live="polite">
      {contract.hourlyWeeks.map((week) => (
        <li key={week.id} className="space-y-2 py-3 text-sm">
          <div className="flex flex-wrap justify-between gap-2">
            <span className="font-medium">Week of {formatDate(week.weekStart)} · {formatMinutes(week.minutes)}</span>
            <span>{WEEK_STATUS[week.status]}</span>
          </div>
          {week.invoicedAt && (
            <p className="text-slate-600">
              Invoiced {formatDate(week.invoicedAt)}: <Money minor={week.amountMinor} /> + client fee <Money minor={week.clientFeeMinor} />
              {week.disputeDeadline && week.status === "INVOICED" && <> · disputable until the end of {formatLastDay(week.disputeDeadline)} (UTC), then paid to the freelancer on {formatDay(week.disputeDeadline)}</>}
              {week.disputeReason && <> · dispute: {week.disputeReason}</>}
            </p>
          )}
          {week.latestDisputeId && (
            <Link href={`/disputes/${week.latestDisputeId}`} className="text-brand-700 underline">
              {week.openDisputeId ? "See the dispute and add a statement" : "See the dispute and its decision"}
            </Link>
          )}
          {contract.viewerRole === "CLIENT" && week.disputable && (disputing === week.id ? (
            <ConfirmPanel title="Dispute this invoice" confirmLabel="Dispute invoice" onConfirm={form.handleSubmit((reason) => dispute.mutate({ idempotencyKey: key, weekId: week.id, reason }, { onError: (error) => showServerProblems(form, error, { fields: { reason: "text" } }) }))} onCancel={() => setDisputing(null)} pending={dispute.isPending}>
              <FormTextArea form={form} name="text" id={`dispute-${week.id}`} label="What is wrong with these hours?" rows={2} limit={TEXT_RULES.weekDisputeReason.max} />
              <p className="mt-1">The money stays in escrow while the dispute is open: both of you add statements, and a Fairlance admin decides (release, refund, or split) unless you settle or withdraw it.</p>
            </ConfirmPanel>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setDisputing(week.id)}>Dispute…</Button>
          ))}
        </li>
      ))}
      <FormAlert message={serverProblems(dispute.error, { fields: { reason: "text" } }).alert} />
      {dispute.data && <Alert tone="success">Invoice disputed.</Alert>}
    </ul>
  );
}
