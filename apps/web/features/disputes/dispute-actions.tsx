"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TEXT_RULES } from "@fairlance/rules";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Button, Card, FormAlert } from "@/components/ui";
import { ConfirmPanel } from "@/features/contracts/confirm-panel";
import { MoneyRows } from "@/features/contracts/money-rows";
import { useNotice } from "@/features/contracts/notice";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert } from "@/features/shared/error-message";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type Parsed, type Read, type ServerFields } from "@/features/shared/form";
import { FormField, FormRadios, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useDebounced } from "@/lib/use-debounced";
import { formatMoney, readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { readLinks } from "./open-dispute-form";
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

interface StatementValues {
  text: string;
  links: string;
}

function parseStatement(values: StatementValues) {
  const check = problemsOf<StatementValues>();
  const text = check.take("text", readText(values.text, TEXT_RULES.statement));
  const links = check.take("links", readLinks(values.links));
  return check.done(() => ({ text: text!, links: links! }));
}

const STATEMENT_FIELDS: ServerFields<StatementValues> = { fields: { text: "text", links: "links" } };

/** A statement with links, by a party or the mediator, while the dispute is open. */
export function StatementForm({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const form = useRulesForm(parseStatement, { text: "", links: "" });
  const add = useMutation(trpc.dispute.addStatement.mutationOptions({ onSuccess: async () => { form.reset({ text: "", links: "" }); notify("Your statement was added."); await refresh(); } }));
  useOnEdit(form, () => { add.reset(); renew(); });
  const onSubmit = form.handleSubmit((statement) => add.mutate({ idempotencyKey: key, disputeId, ...statement }, { onError: (error) => showServerProblems(form, error, STATEMENT_FIELDS) }));
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-2 text-sm" aria-label="Add a statement">
      <FormTextArea form={form} name="text" id="statement-text" label="Your statement" rows={3} limit={TEXT_RULES.statement.max} />
      <FormTextArea form={form} name="links" id="statement-links" label="Links (optional, one per line, up to 5)" rows={2} placeholder="https://…" />
      <Button type="submit" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add the statement"}</Button>
      <FormAlert message={serverProblems(add.error, STATEMENT_FIELDS).alert} />
    </form>
  );
}

interface SplitValues {
  amount: string;
}

/** A proposed split: what the freelancer is paid, from $0.00 to the whole escrow. */
function parseSplit(values: SplitValues, escrowMinor: bigint) {
  const check = problemsOf<SplitValues>();
  const money = values.amount.trim() ? readMoney(values.amount) : ({ ok: false, error: "Enter what the freelancer is paid." } as const);
  const releaseMinor = check.take(
    "amount",
    money.ok && money.minor > escrowMinor ? { ok: false, error: `At most the ${formatMoney(escrowMinor)} in escrow.` } : money.ok ? { ok: true, value: money.minor } : money,
  );
  return check.done(() => ({ releaseMinor: releaseMinor! }));
}

const SPLIT_FIELDS: ServerFields<SplitValues> = { fields: { releaseMinor: "amount" } };

/** Settling without a decision (economy.md §9.4): propose a split, or accept the other side's. */
export function SettlementPanel({ dispute }: { dispute: DisputeView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const [accepting, setAccepting] = useState(false);
  const form = useRulesForm((values: SplitValues) => parseSplit(values, dispute.amountMinor), { amount: "" });
  const typed = parseSplit(useWatch({ control: form.control }) as SplitValues, dispute.amountMinor);
  const releaseMinor = typed.ok ? typed.value.releaseMinor : null;
  const propose = useMutation(trpc.dispute.propose.mutationOptions({ onSuccess: async (r) => { form.reset({ amount: "" }); notify(`You proposed ${formatMoney(r.proposedReleaseMinor)} for the freelancer.`); await refresh(); } }));
  useOnEdit(form, () => { propose.reset(); renew(); });
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
          onSubmit={form.handleSubmit(({ releaseMinor: release }) => propose.mutate({ idempotencyKey: key, disputeId: dispute.id, releaseMinor: release }, { onError: (error) => showServerProblems(form, error, SPLIT_FIELDS) }))}
        >
          <FormField form={form} name="amount" id="proposal-amount" label={`Propose a split: what the freelancer is paid, of the ${formatMoney(dispute.amountMinor)}`} inputMode="decimal" hint="In dollars, e.g. 250.00. The other side can accept it; a new proposal replaces the last one." />
          <DivisionPreview disputeId={dispute.id} releaseMinor={releaseMinor} />
          <Button type="submit" disabled={propose.isPending}>{propose.isPending ? "Sending…" : "Send the proposal"}</Button>
          <FormAlert message={serverProblems(propose.error, SPLIT_FIELDS).alert} />
        </form>
      )}
      <ErrorAlert error={accept.error} />
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

interface DecisionValues {
  outcome: "release" | "refund" | "split";
  amount: string;
  reason: string;
}

interface Decision {
  outcome: DecisionValues["outcome"];
  reason: string;
  releaseMinor: bigint;
}

/** A decision: the outcome, the freelancer's part of a split (more than $0.00, less than the escrow), and the reason both sides see. */
function parseDecision(values: DecisionValues, escrowMinor: bigint): Parsed<DecisionValues, Decision> {
  const check = problemsOf<DecisionValues>();
  const split = values.outcome === "split" ? check.take("amount", readSplitPart(values.amount, escrowMinor)) : undefined;
  const reason = check.take("reason", readText(values.reason, TEXT_RULES.decisionReason));
  const releaseMinor = values.outcome === "release" ? escrowMinor : values.outcome === "refund" ? 0n : split;
  return check.done(() => ({ outcome: values.outcome, reason: reason!, releaseMinor: releaseMinor! }));
}

function readSplitPart(text: string, escrowMinor: bigint): Read<bigint> {
  const outside = `In a split the freelancer's part is more than $0.00 and less than ${formatMoney(escrowMinor)}.`;
  if (!text.trim()) return { ok: false, error: outside };
  const money = readMoney(text);
  if (!money.ok) return { ok: false, error: money.error };
  return money.minor > 0n && money.minor < escrowMinor ? { ok: true, value: money.minor } : { ok: false, error: outside };
}

const DECISION_FIELDS: ServerFields<DecisionValues> = { fields: { reason: "reason", releaseMinor: "amount", outcome: "outcome" } };

const OUTCOMES = (amountMinor: bigint) =>
  [
    { value: "release", label: `Release all ${formatMoney(amountMinor)} to the freelancer` },
    { value: "refund", label: "Refund all to the client, with the client fee" },
    { value: "split", label: "Split by an exact amount" },
  ] as const;

/** The mediating admin's decision (economy.md §9.3): release all, refund all, or split, with a reason both sides see. */
export function DecisionForm({ dispute }: { dispute: DisputeView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const refresh = useAfterSuccess(renew);
  const notify = useNotice();
  const form = useRulesForm((values: DecisionValues) => parseDecision(values, dispute.amountMinor), { outcome: "split", amount: "", reason: "" });
  const values = useWatch({ control: form.control }) as DecisionValues;
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const split = values.outcome === "split" ? readSplitPart(values.amount, dispute.amountMinor) : null;
  const releaseMinor = values.outcome === "release" ? dispute.amountMinor : values.outcome === "refund" ? 0n : split?.ok ? split.value : null;
  const decide = useMutation(trpc.admin.disputes.decide.mutationOptions({ onSuccess: async () => { setConfirming(null); notify("The dispute is decided; both sides see the decision and its reason."); await refresh(); } }));
  useOnEdit(form, () => { setConfirming(null); decide.reset(); renew(); });
  const submit = (decision: Decision) =>
    decide.mutate(
      { idempotencyKey: key, disputeId: dispute.id, outcome: decision.outcome, reason: decision.reason, ...(decision.outcome === "split" ? { releaseMinor: decision.releaseMinor } : {}) },
      { onError: (error) => { setConfirming(null); showServerProblems(form, error, DECISION_FIELDS); } },
    );
  return (
    <Card title="Decide">
      <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="space-y-3">
        <FormRadios form={form} name="outcome" id="decision-outcome" legend="Outcome" options={OUTCOMES(dispute.amountMinor)} className="space-y-1 text-sm" />
        {values.outcome === "split" && (
          <FormField form={form} name="amount" id="decision-amount" label="The freelancer's part" inputMode="decimal" hint="In dollars; the rest goes back to the client." />
        )}
        <div data-testid="decision-preview">
          <DivisionPreview disputeId={dispute.id} releaseMinor={releaseMinor} />
        </div>
        <FormTextArea form={form} name="reason" id="decision-reason" label="Reason (both sides see it)" rows={3} limit={TEXT_RULES.decisionReason.max} />
        {confirming ? (
          <ConfirmPanel tone="danger" title="Record this decision" confirmLabel="Decide and move the money" onConfirm={() => submit(confirming)} onCancel={() => setConfirming(null)} pending={decide.isPending}>
            <p>The money moves at once, the dispute closes, and the decision is written to the audit log. This cannot be undone.</p>
          </ConfirmPanel>
        ) : (
          <Button type="submit">Decide…</Button>
        )}
        <FormAlert message={serverProblems(decide.error, DECISION_FIELDS).alert} />
      </form>
    </Card>
  );
}
