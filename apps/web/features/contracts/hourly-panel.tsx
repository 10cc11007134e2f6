import { Money } from "@/components/money";
import { Card } from "@/components/ui";
import { FeePreview } from "./fee-preview";
import { HourlyWeeks } from "./hourly-weeks";
import { LogTimeForm } from "./log-time-form";
import type { ContractView } from "./types";
import { formatCount } from "@fairlance/rules";

export function HourlyPanel({ contract }: { contract: ContractView }) {
  return (
    <Card title="Hours">
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          {contract.hourlyRateMinor !== null && <><Money minor={contract.hourlyRateMinor} /> per hour, </>}
          up to {formatCount(contract.weeklyLimitHours ?? 0, "hour")} a week. Each week (Monday–Sunday UTC) is invoiced on Monday; the client can dispute until Friday.
        </p>
        {contract.hourlyWeekPreview && (
          <details className="text-sm" open={contract.status === "OFFERED"}>
            <summary className="cursor-pointer text-brand-700">What you receive for a full week ({formatCount(contract.weeklyLimitHours ?? 0, "hour")})</summary>
            <div className="mt-2 space-y-1">
              <FeePreview preview={contract.hourlyWeekPreview} securityPeriodDays={contract.securityPeriodDays} testId="hourly-week-preview" />
              <p className="text-slate-600">A week with fewer hours bills less; each week is billed after the ones before it.</p>
            </div>
          </details>
        )}
        {contract.viewerRole === "FREELANCER" && contract.status === "ACTIVE" && contract.currentWeek && <LogTimeForm contract={contract} />}
        <HourlyWeeks contract={contract} />
      </div>
    </Card>
  );
}
