import type { Metadata } from "next";
import { MyReports } from "@/features/reports/my-reports";
import { readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Your reports" };

/** What the person reported and what Fairlance decided (economy.md §5.2): drawn on the server, no JavaScript of its own. */
export default async function Page() {
  const reports = await readQuery(trpc.report.mine.queryOptions());
  return <MyReports reports={reports} />;
}
