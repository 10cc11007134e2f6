import { Money } from "@/components/money";
import { EmptyState, scrollRegion } from "@/components/ui";
import { formatRate } from "@/features/contracts/format";
import type { RouterOutputs } from "@/features/contracts/types";
import { serviceFeeInWords, useTerms } from "@/features/shared/terms";

/** economy.md §3.5: lifetime billings per client, the band the next payment starts in, and how far the next band is. */
export function ClientBillings({ rows }: { rows: RouterOutputs["earnings"]["billings"] }) {
  const terms = useTerms();
  if (rows.length === 0) return <EmptyState title="No billings yet">{terms.data ? `Your service fee is ${serviceFeeInWords(terms.data.serviceFee)}.` : "Your service fee depends on what you bill each client."}</EmptyState>;
  return (
    <div className="overflow-x-auto" {...scrollRegion("Billings per client")}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Lifetime billings per client and your service fee band</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr><th scope="col" className="py-2 pr-3">Client</th><th scope="col" className="py-2 pr-3 text-right">Billed</th><th scope="col" className="py-2 pr-3">Current fee</th><th scope="col" className="py-2">Next band</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.clientId}>
              <td className="py-2 pr-3">{row.clientName}</td>
              <td className="py-2 pr-3 text-right"><Money minor={row.billedMinor} /></td>
              <td className="py-2 pr-3">{row.currentBand ? formatRate(row.currentBand.rateBps) : "—"}</td>
              <td className="py-2">
                {row.nextBand && row.remainingToNextMinor !== null ? (
                  <>{formatRate(row.nextBand.rateBps)} after <Money minor={row.remainingToNextMinor} /> more</>
                ) : (
                  "Lowest band reached"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
