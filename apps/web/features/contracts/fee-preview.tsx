import { Money } from "@/components/money";
import { formatRate } from "./format";
import type { RouterOutputs } from "./types";
import { formatCount } from "@fairlance/rules";

type Preview = NonNullable<RouterOutputs["contract"]["get"]["milestones"][number]["feePreview"]>;
type Plan = NonNullable<RouterOutputs["contract"]["get"]["feePlan"]>;

/** economy.md §3.5: gross, the fee by band, net, when it becomes available, and the next band — all from the server. */
export function FeePreview({ preview, securityPeriodDays, who = "You receive", testId = "fee-preview" }: { preview: Preview; securityPeriodDays: number; who?: string; testId?: string }) {
  return (
    <div className="space-y-1 text-sm" data-testid={testId}>
      <dl className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        <div className="flex justify-between px-3 py-1.5">
          <dt>Gross</dt>
          <dd><Money minor={preview.grossMinor} /></dd>
        </div>
        {preview.bands.map((band, index) => (
          <div key={index} className="flex justify-between px-3 py-1.5 text-slate-700">
            <dt>
              Service fee {formatRate(band.rateBps)} of <Money minor={band.partMinor} />
            </dt>
            <dd><Money minor={band.feeMinor} minus /></dd>
          </div>
        ))}
        <div className="flex justify-between px-3 py-1.5 font-semibold">
          <dt>{who}</dt>
          <dd data-testid={`${testId}-net`}><Money minor={preview.netMinor} /></dd>
        </div>
      </dl>
      <p className="text-slate-600">
        Pending for {formatCount(securityPeriodDays, "day")} after approval, then available to withdraw.
        {preview.currentRateBps !== null && <> Your fee with this client is then {formatRate(preview.currentRateBps)}</>}
        {preview.nextRateBps !== null && preview.remainingToNextMinor !== null ? (
          <>; {formatRate(preview.nextRateBps)} after <Money minor={preview.remainingToNextMinor} /> more billing.</>
        ) : (
          preview.currentRateBps !== null && "."
        )}
      </p>
    </div>
  );
}

/**
 * The whole contract's fee, for the freelancer (economy.md §3.5): the milestones still to be paid,
 * billed in order, each after the ones before it; one total for the contract.
 */
export function FeePlanPreview({ plan, securityPeriodDays }: { plan: Plan; securityPeriodDays: number }) {
  return (
    <div className="space-y-1 text-sm" data-testid="fee-plan">
      <p className="font-medium">What you receive for {plan.milestoneCount === 1 ? "this milestone" : `these ${plan.milestoneCount} milestones`}</p>
      <FeePreview preview={plan} securityPeriodDays={securityPeriodDays} who="You receive in total" testId="fee-plan-preview" />
      {plan.milestoneCount > 1 && (
        <p className="text-slate-600" data-testid="fee-plan-order">
          Each milestone is previewed the way it is billed: in order, after the ones before it (your fee depends on everything billed with this client).
          {plan.splitDependsOnOrder
            ? " If the client releases them in another order, the split between milestones changes; the total does not."
            : " The order they are released in changes nothing here."}
        </p>
      )}
    </div>
  );
}
