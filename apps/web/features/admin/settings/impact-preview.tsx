"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { formatConnects } from "@fairlance/rules";

export const IMPACT_KEYS = ["connectPriceMinor", "connectBundleSizes", "connectRateCard"] as const;
export type ImpactKey = (typeof IMPACT_KEYS)[number];
export const hasImpact = (key: string): key is ImpactKey => (IMPACT_KEYS as readonly string[]).includes(key);

const th = "py-1 pr-3 font-medium";
const MaybeMoney = ({ minor }: { minor: bigint | null }) => (minor === null ? <span className="text-slate-400">not offered</span> : <Money minor={minor} />);

/** What a connect price, bundle or rate-card change does, computed by the server before anything is saved. */
export function ImpactPreview({ settingKey, value, effectiveFrom }: { settingKey: ImpactKey; value: unknown; effectiveFrom: Date | null }) {
  const trpc = useTRPC();
  const impact = useQuery({ ...trpc.admin.settings.impact.queryOptions({ key: settingKey, value, effectiveFrom }) });
  if (impact.isPending) return <Skeleton className="h-32 w-full" />;
  if (impact.isError) return <ErrorAlert error={impact.error} />;
  const { bundles, jobs, openJobCount, revenue } = impact.data;
  return (
    <section aria-labelledby="impact-heading" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <h4 id="impact-heading" className="font-semibold text-amber-900">Impact preview</h4>
      <table className="w-full text-left" data-testid="impact-bundles">
        <caption className="text-left text-xs font-medium uppercase text-slate-600">Bundle prices</caption>
        <thead><tr><th scope="col" className={th}>Bundle</th><th scope="col" className={th}>Today</th><th scope="col" className={th}>After the change</th></tr></thead>
        <tbody>
          {bundles.map((b) => (
            <tr key={b.size}><td className="pr-3">{formatConnects(b.size)}</td><td className="pr-3"><MaybeMoney minor={b.priceBeforeMinor} /></td><td><MaybeMoney minor={b.priceAfterMinor} /></td></tr>
          ))}
        </tbody>
      </table>
      <div className="overflow-x-auto" {...scrollRegion("Open jobs the change applies to")}>
        <table className="w-full text-left">
          <caption className="text-left text-xs font-medium uppercase text-slate-600">
            Applying to open jobs ({jobs.length} of {openJobCount}; a job&apos;s connects are fixed when it is published — the new card applies to jobs published after the change)
          </caption>
          <thead><tr><th scope="col" className={th}>Job</th><th scope="col" className={th}>Today</th><th scope="col" className={th}>After</th></tr></thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.jobId}>
                <td className="pr-3">{job.title}</td>
                <td className="whitespace-nowrap pr-3">{formatConnects(job.connectCost)} · <Money minor={job.costBeforeMinor} /></td>
                <td className="whitespace-nowrap">{formatConnects(job.afterConnects)} · <Money minor={job.costAfterMinor} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Last {revenue.days} days: {revenue.proposals} proposals spent {formatConnects(revenue.connectsBefore)}, worth <Money minor={revenue.valueBeforeMinor} /> at today&apos;s price; under the change they would
        spend {formatConnects(revenue.connectsAfter)}, worth <Money minor={revenue.valueAfterMinor} />.
      </p>
    </section>
  );
}
