"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { errorText } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import type { JobFormValues } from "./job-form-values";
import { pricingFrom } from "./job-form-values";
import { useDebounced } from "@/lib/use-debounced";
import { formatConnects } from "@fairlance/rules";

/** What applying will cost freelancers, from the server's rate card in force, as the client types. */
export function JobCostPreview({ values }: { values: JobFormValues }) {
  const trpc = useTRPC();
  const input = pricingFrom(useDebounced(values));
  const preview = useQuery({ ...trpc.job.previewCost.queryOptions(input ?? { pricing: { type: "fixed", budgetMinor: 0n }, durationDays: 1 }), enabled: input !== null });
  return (
    <div aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="job-cost-preview">
      {input === null ? (
        <p className="text-slate-600">Enter the budget and duration to see what applying will cost freelancers.</p>
      ) : preview.isError ? (
        <p role="alert" className="text-red-700">{errorText(preview.error)}</p>
      ) : preview.data ? (
        <p>
          Freelancers will spend <strong>{formatConnects(preview.data.connectCost)}</strong> (<Money minor={preview.data.connectPriceMinor} /> each) to apply, for a job
          worth <Money minor={preview.data.projectedValueMinor} />. The cost is fixed when you publish.
        </p>
      ) : (
        <p className="text-slate-600">Working out the cost…</p>
      )}
    </div>
  );
}
