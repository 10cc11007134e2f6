import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { EarningsChart } from "@/features/earnings/earnings-chart";
import { EarningsPage } from "@/features/earnings/earnings-page";
import { HydrateClient, prefetch, readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Earnings" };

export default async function Page() {
  const [, weeks] = await Promise.all([
    prefetch(trpc.earnings.get.queryOptions(), trpc.earnings.billings.queryOptions(), trpc.terms.get.queryOptions()),
    readQuery(trpc.earnings.byWeek.queryOptions()),
  ]);
  // The chart is drawn here, on the server: it sends no JavaScript.
  const chart = weeks.ok ? <EarningsChart weeks={weeks.data} /> : <Alert>We could not load the chart: {weeks.message}</Alert>;
  return (
    <HydrateClient>
      <EarningsPage chart={chart} />
    </HydrateClient>
  );
}
