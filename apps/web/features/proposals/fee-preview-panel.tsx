"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Skeleton } from "@/components/ui";
import { errorText } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

const rate = (bps: number) => `${bps / 100}%`;

/** The server's fee preview for a bid (economy.md §3.5): gross, fee by band with this client, net, next band. */
export function FeePreviewPanel({ jobId, bidMinor }: { jobId: string; bidMinor: bigint | null }) {
  const trpc = useTRPC();
  const preview = useQuery({ ...trpc.proposal.feePreview.queryOptions({ jobId, bidMinor: bidMinor ?? 0n }), enabled: bidMinor !== null && bidMinor > 0n });
  if (bidMinor === null || bidMinor <= 0n) return <p className="text-sm text-slate-500">Type your bid to see the fee and what you receive.</p>;
  if (preview.isPending) return <Skeleton className="h-24 w-full" />;
  if (preview.isError) return <p role="alert" className="text-sm text-red-700">{errorText(preview.error)}</p>;
  const fee = preview.data;
  const hourly = fee.jobType === "HOURLY";
  return (
    <div className="space-y-2 text-sm" data-testid="fee-preview">
      <h3 className="font-semibold">What you receive{hourly && " per hour"}</h3>
      <dl className="space-y-1">
        <Line label={hourly ? "Your rate (gross)" : "Your bid (gross)"}><Money minor={fee.amountMinor} /></Line>
        {fee.bands.map((band) => (
          <Line key={band.index} label={<>Service fee {rate(band.rateBps)} of {formatPart(band.partMinor)}</>}><Money minor={band.feeMinor} minus /></Line>
        ))}
        <Line label="You receive (net)" strong><Money minor={fee.netMinor} /></Line>
      </dl>
      <p className="text-xs text-slate-600">
        Billed with this client so far: <Money minor={fee.priorBilledMinor} />.
        {fee.before.current && <> Your fee band with them now: {rate(fee.before.current.rateBps)}.</>}
        {fee.after.next && fee.after.remainingToNextMinor !== null && (
          <> After this, the {rate(fee.after.next.rateBps)} band starts in <Money minor={fee.after.remainingToNextMinor} /> more billing.</>
        )}
      </p>
    </div>
  );
}

const formatPart = (minor: bigint) => <Money minor={minor} />;

function Line({ label, strong, children }: { label: React.ReactNode; strong?: boolean; children: React.ReactNode }) {
  return (
    <div className={`flex justify-between gap-2 ${strong ? "border-t border-slate-200 pt-1 font-semibold" : ""}`}>
      <dt>{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}
