import { Money } from "@/components/money";
import { Alert, Card, Stat } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { RoiChart } from "./roi-chart";
import { formatCount } from "@fairlance/rules";

const perStep = (minor: bigint | null) => (minor === null ? "—" : <Money minor={minor} />);

type Report = { ok: true; data: RouterOutputs["connects"]["roi"] } | { ok: false; message: string };

/**
 * Connects ROI (economy.md §8): spent → viewed → interviews → hires, and what each step cost in
 * money. Drawn on the server (the connects page passes it in): numbers and a chart, nothing to click.
 */
export function ConnectsRoiCard({ report }: { report: Report }) {
  return (
    <Card title="Connects ROI">
      {!report.ok ? (
        <Alert>{report.message}</Alert>
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            <Stat label="Connects spent" value={report.data.roi.connectsSpent} hint={`Net of refunds, on ${formatCount(report.data.roi.proposals, "proposal")}`} />
            <Stat label="Worth" value={<Money minor={report.data.roi.spentMinor} />} hint="At the connect price in force today" />
            <Stat label="Viewed" value={report.data.roi.viewed} hint="Proposals the client opened" />
            <Stat label="Interviews" value={report.data.roi.interviews} hint="The client wrote to you" />
            <Stat label="Hires" value={report.data.roi.hires} />
          </dl>
          <p className="text-sm text-slate-700">
            Cost per view {perStep(report.data.roi.costPerViewMinor)} · per interview {perStep(report.data.roi.costPerInterviewMinor)} · per hire{" "}
            {perStep(report.data.roi.costPerHireMinor)} (1 connect = <Money minor={report.data.connectPriceMinor} />).
          </p>
          <RoiChart weeks={report.data.weeks} />
        </div>
      )}
    </Card>
  );
}
