"use client";

import { proposalConnectCost, formatConnects } from "@fairlance/rules";
import Link from "next/link";
import { Button } from "@/components/ui";
import { domainCode, errorText } from "@/features/shared/error-message";

interface Props {
  cost: number;
  boost: number;
  balance: number;
  pending: boolean;
  error: unknown;
  /** The bid's warning (economy.md §12.1), repeated where the person commits. */
  warning?: string;
  onBack: () => void;
  onConfirm: () => void;
}


/** "This will spend N connects (cost C + boost B); you have X; X−N will be left" — then the server's answer. */
export function ConfirmProposal({ cost, boost, balance, pending, error, warning, onBack, onConfirm }: Props) {
  const total = proposalConnectCost({ jobConnectCost: cost, boostConnects: boost }).totalConnects;
  const enough = balance >= total;
  return (
    <div className="space-y-3 rounded-md border border-brand-100 bg-brand-50 p-4" role="region" aria-label="Confirm your proposal">
      <p className="text-sm text-slate-900" data-testid="proposal-confirm">
        This will spend <strong>{formatConnects(total)}</strong> (cost {cost} + boost {boost}); you have {balance}
        {enough ? <>; {balance - total} will be left.</> : <>, which is not enough.</>}
      </p>
      {warning && <p className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">Before you send it: {warning}</p>}
      {error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{errorText(error)}</p>
          {domainCode(error) === "INSUFFICIENT_CONNECTS" && (
            <p className="mt-1"><Link href="/connects" className="font-semibold underline">Buy connects</Link> and come back to send it.</p>
          )}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={onConfirm} disabled={pending}>{pending ? "Sending…" : `Submit and spend ${formatConnects(total)}`}</Button>
        <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>Edit proposal</Button>
      </div>
    </div>
  );
}
