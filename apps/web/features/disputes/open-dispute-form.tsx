"use client";

import { TEXT_RULES, linksProblem } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useRulesForm, type Read, type ServerFields } from "@/features/shared/form";
import { FormField, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";

/** Links typed one per line, as the API takes them. */
export const linesOf = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

/** Links typed one per line, checked as the service's `Links` checks them. */
export function readLinks(text: string): Read<string[]> {
  const links = linesOf(text);
  const problem = linksProblem(links);
  return problem ? { ok: false, error: problem } : { ok: true, value: links };
}

interface DisputeValues {
  reason: string;
  statement: string;
  links: string;
}

function parseDispute(values: DisputeValues) {
  const check = problemsOf<DisputeValues>();
  const reason = check.take("reason", readText(values.reason, TEXT_RULES.disputeReason));
  const statement = check.take("statement", readText(values.statement, TEXT_RULES.statement));
  const links = check.take("links", readLinks(values.links));
  return check.done(() => ({ reason: reason!, statement: statement!, links: links! }));
}

const SERVER_FIELDS: ServerFields<DisputeValues> = { fields: { reason: "reason", statement: "statement", links: "links" } };

/**
 * Opens a dispute on a milestone in escrow (economy.md §9.3): a one-line reason, a statement and up to
 * five links. Says before sending what it does to the money: frozen until decided, settled or withdrawn.
 */
export function OpenDisputeForm({ milestoneId, amountMinor, onCancel }: { milestoneId: string; amountMinor: bigint; onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { key } = useIdempotencyKey();
  const form = useRulesForm(parseDispute, { reason: "", statement: "", links: "" });
  const open = useMutation(trpc.milestone.dispute.mutationOptions({ onSuccess: (opened) => router.push(`/disputes/${opened.disputeId}`) }));
  const onSubmit = form.handleSubmit((dispute) => open.mutate({ idempotencyKey: key, milestoneId, ...dispute }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm" aria-label="Open a dispute">
      <p className="font-semibold">Open a dispute</p>
      <p>
        The <strong>{formatMoney(amountMinor)}</strong> in escrow is frozen while the dispute is open: nobody can approve, refund or release it, and
        its clocks stop. Both of you add statements; a Fairlance admin decides (release all, refund all, or split), unless you settle on a split
        yourselves or you withdraw the dispute.
      </p>
      <FormField form={form} name="reason" id={`dispute-reason-${milestoneId}`} label="What is the dispute about? (one line)" limit={TEXT_RULES.disputeReason.max} />
      <FormTextArea form={form} name="statement" id={`dispute-statement-${milestoneId}`} label="Your statement" rows={4} limit={TEXT_RULES.statement.max} />
      <FormTextArea form={form} name="links" id={`dispute-links-${milestoneId}`} label="Links (optional, one per line, up to 5)" rows={2} placeholder="https://…" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={open.isPending}>{open.isPending ? "Opening…" : "Open the dispute"}</Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={open.isPending}>Cancel</Button>
      </div>
      <FormAlert message={serverProblems(open.error, SERVER_FIELDS).alert} />
    </form>
  );
}
