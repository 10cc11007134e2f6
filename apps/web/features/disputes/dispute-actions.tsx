"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Card, Field } from "@/components/ui";
import { ConfirmPanel } from "@/features/contracts/confirm-panel";
import { MoneyRows } from "@/features/contracts/money-rows";
import { useNotice } from "@/features/contracts/notice";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert, fieldErrors } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useDebounced } from "@/lib/use-debounced";
import { formatMoney, readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { linesOf } from "./open-dispute-form";
import type { DisputeView } from "./types";

/** What a division pays each side, from the server (the fee is priced on the real lifetime billings). */
function DivisionPreview({ disputeId, releaseMinor }: { disputeId: string; releaseMinor: bigint | null }) {
  const trpc = useTRPC();
  const settled = useDebounced(releaseMinor);
  const preview = useQuery({ ...trpc.dispute.previewDivision.queryOptions({ disputeId, releaseMinor: settled ?? 0n }), enabled: settled !== null });
  if (settled === null) return null;
  if (preview.isError) return <ErrorAlert error={preview.error} />;
  if (!preview.data) return <p className="text-xs text-slate-500">Working out the amounts…</p>;
  const p = preview.data;
  return (
    <MoneyRows
      rows={[
        { label: "Paid to the freelancer (gross)", minor: p.releaseMinor },
        // The freelancer's fee is theirs (and the mediator's) to see, not the client's.
        ...(p.serviceFeeMinor !== null && p.freelancerNetMinor !== null
          ? [
              { label: "Freelancer's service fee on that part", minor: p.serviceFeeMinor },
              { label: "The freelancer receives", minor: p.freelancerNetMinor, strong: true },
            ]
          : []),
        { label: "Refunded part of the escrow", minor: p.refundMinor },
        { label: "Client fee given back with it (its share of the refunded part)", minor: p.clientFeeRefundMinor },
        { label: "Back to the client's card", minor: p.clientRefundMinor, strong: true },
      ]}
    />
  );
}

/** A statement with links, by a party or the mediator, while the dispute is open. */
export function StatementForm({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const [text, setText] = useState("");
  const [links, setLinks] = useState("");
  const add = useMutation(trpc.dispute.addStatement.mutationOptions({ onSuccess: async () => { setText(""); setLinks(""); notify("Your statement was added."); await refresh(); } }));
  const errors = fieldErrors(add.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ idempotencyKey: key, disputeId, text, links: linesOf(links) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-2 text-sm" aria-label="Add a statement">
      <label htmlFor="statement-text" className="block font-medium">Your statement</label>
      <textarea id="statement-text" value={text} onChange={(e) => setText(e.target.value)} rows={3} aria-invalid={errors.text ? true : undefined} aria-describedby={errors.text ? "statement-text-error" : undefined} className="block w-full rounded-md border border-slate-300 px-3 py-2" />
      {errors.text && <p id="statement-text-error" className="text-xs text-red-700">{errors.text[0]}</p>}
      <label htmlFor="statement-links" className="block font-medium">Links (optional, one per line, up to 5)</label>
      <textarea id="statement-links" value={links} onChange={(e) => setLinks(e.target.value)} rows={2} placeholder="https://…" aria-invalid={errors.links ? true : undefined} className="block w-full rounded-md border border-slate-300 px-3 py-2" />
      {errors.links && <p className="text-xs text-red-700">{errors.links[0]}</p>}
      <Button type="submit" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add the statement"}</Button>
      {!Object.keys(errors).length && <ErrorAlert error={add.error} />}
    </form>
  );
}

/** Settling without a decision (economy.md §9.4): propose a split, or accept the other side's. */
export function SettlementPanel({ dispute }: { dispute: DisputeView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const [amount, setAmount] = useState("");
  const [accepting, setAccepting] = useState(false);
  const read = amount.trim() ? readMoney(amount) : null;
  const releaseMinor = read?.ok && read.minor <= dispute.amountMinor ? read.minor : null;
  const amountError = read && !read.ok ? read.error : read?.ok && read.minor > dispute.amountMinor ? `At most the ${formatMoney(dispute.amountMinor)} in escrow.` : undefined;
  const propose = useMutation(trpc.dispute.propose.mutationOptions({ onSuccess: async (r) => { setAmount(""); notify(`You proposed ${formatMoney(r.proposedReleaseMinor)} for the freelancer.`); await refresh(); } }));
  const accept = useMutation(trpc.dispute.acceptProposal.mutationOptions({ onSuccess: async () => { setAccepting(false); notify("The dispute is settled as proposed."); await refresh(); } }));
  const theirs = dispute.proposal && dispute.proposal.by !== dispute.viewerSide ? dispute.proposal : null;
  return (
    <Card title="Settle it between you">
      {dispute.proposal && (
        <p className="text-sm">
          {dispute.proposal.by === dispute.viewerSide ? "You proposed" : `The ${dispute.proposal.by} proposes`}: <strong>{formatMoney(dispute.proposal.releaseMinor)}</strong> to the freelancer, the rest of the{" "}
          {formatMoney(dispute.amountMinor)} back to the client.
        </p>
      )}
      {theirs && dispute.can.acceptProposal && !accepting && (
        <Button type="button" className="mt-2" onClick={() => setAccepting(true)}>Review and accept this split…</Button>
      )}
      {theirs && accepting && (
        <div className="mt-2">
          <ConfirmPanel title="Accept the proposed split" confirmLabel="Accept and settle" onConfirm={() => accept.mutate({ idempotencyKey: key, disputeId: dispute.id, releaseMinor: theirs.releaseMinor })} onCancel={() => setAccepting(false)} pending={accept.isPending}>
            <DivisionPreview disputeId={dispute.id} releaseMinor={theirs.releaseMinor} />
            <p className="mt-2">The money moves at once and the dispute closes. This cannot be undone.</p>
          </ConfirmPanel>
        </div>
      )}
      {dispute.can.propose && (
        <form
          className="mt-4 space-y-2 text-sm"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (releaseMinor !== null) propose.mutate({ idempotencyKey: key, disputeId: dispute.id, releaseMinor });
          }}
        >
          <Field id="proposal-amount" label={`Propose a split: what the freelancer is paid, of the ${formatMoney(dispute.amountMinor)}`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountError ?? fieldErrors(propose.error).releaseMinor?.[0]} hint="In dollars, e.g. 250.00. The other side can accept it; a new proposal replaces the last one." />
          <DivisionPreview disputeId={dispute.id} releaseMinor={releaseMinor} />
          <Button type="submit" disabled={propose.isPending || releaseMinor === null}>{propose.isPending ? "Sending…" : "Send the proposal"}</Button>
        </form>
      )}
      <ErrorAlert error={propose.error && !Object.keys(fieldErrors(propose.error)).length ? propose.error : accept.error} />
    </Card>
  );
}

/** The side that opened a dispute takes it back (economy.md §9.4). */
export function WithdrawDispute({ dispute }: { dispute: DisputeView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation(trpc.dispute.withdraw.mutationOptions({ onSuccess: async () => { setConfirming(false); notify("You withdrew the dispute."); await refresh(); } }));
  return (
    <Card title="Withdraw the dispute">
      {confirming ? (
        <ConfirmPanel tone="danger" title="Withdraw this dispute" confirmLabel="Withdraw it" onConfirm={() => withdraw.mutate({ idempotencyKey: key, disputeId: dispute.id })} onCancel={() => setConfirming(false)} pending={withdraw.isPending}>
          <p>The {dispute.target.kind === "milestone" ? "milestone" : "week"} goes back to where it was, its clocks moved on by the time the dispute was open. No money moves.</p>
        </ConfirmPanel>
      ) : (
        <Button type="button" variant="danger-secondary" onClick={() => setConfirming(true)}>Withdraw…</Button>
      )}
      <ErrorAlert error={withdraw.error} />
    </Card>
  );
}

/** The mediating admin's decision (economy.md §9.3): release all, refund all, or split, with a reason both sides see. */
export function DecisionForm({ dispute }: { dispute: DisputeView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const [outcome, setOutcome] = useState<"release" | "refund" | "split">("split");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const read = amount.trim() ? readMoney(amount) : null;
  const splitMinor = read?.ok && read.minor > 0n && read.minor < dispute.amountMinor ? read.minor : null;
  const releaseMinor = outcome === "release" ? dispute.amountMinor : outcome === "refund" ? 0n : splitMinor;
  const amountError =
    outcome !== "split" || !read ? undefined : !read.ok ? read.error : splitMinor === null ? `In a split the freelancer's part is more than $0.00 and less than ${formatMoney(dispute.amountMinor)}.` : undefined;
  const decide = useMutation(trpc.admin.disputes.decide.mutationOptions({ onSuccess: async () => { setConfirming(false); notify("The dispute is decided; both sides see the decision and its reason."); await refresh(); } }));
  const errors = fieldErrors(decide.error);
  const submit = () => decide.mutate({ idempotencyKey: key, disputeId: dispute.id, outcome, reason, ...(outcome === "split" && splitMinor !== null ? { releaseMinor: splitMinor } : {}) });
  return (
    <Card title="Decide">
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Outcome</legend>
        {(
          [
            ["release", `Release all ${formatMoney(dispute.amountMinor)} to the freelancer`],
            ["refund", "Refund all to the client, with the client fee"],
            ["split", "Split by an exact amount"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} /> {label}
          </label>
        ))}
      </fieldset>
      {outcome === "split" && (
        <div className="mt-2">
          <Field id="decision-amount" label="The freelancer's part" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountError ?? errors.releaseMinor?.[0]} hint="In dollars; the rest goes back to the client." />
        </div>
      )}
      <div className="mt-2" data-testid="decision-preview">
        <DivisionPreview disputeId={dispute.id} releaseMinor={releaseMinor} />
      </div>
      <label htmlFor="decision-reason" className="mt-3 block text-sm font-medium">Reason (both sides see it)</label>
      <textarea id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? "decision-reason-error" : undefined} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      {errors.reason && <p id="decision-reason-error" className="text-xs text-red-700">{errors.reason[0]}</p>}
      <div className="mt-3">
        {confirming ? (
          <ConfirmPanel tone="danger" title="Record this decision" confirmLabel="Decide and move the money" onConfirm={submit} onCancel={() => setConfirming(false)} pending={decide.isPending}>
            <p>The money moves at once, the dispute closes, and the decision is written to the audit log. This cannot be undone.</p>
          </ConfirmPanel>
        ) : (
          <Button type="button" disabled={releaseMinor === null} onClick={() => setConfirming(true)}>Decide…</Button>
        )}
      </div>
      {!Object.keys(errors).length && <ErrorAlert error={decide.error} />}
    </Card>
  );
}
