import { Money } from "@/components/money";
import { Card } from "@/components/ui";
import { HourlyWeeks } from "./hourly-weeks";
import { LogTimeForm } from "./log-time-form";
import type { ContractView } from "./types";

export function HourlyPanel({ contract }: { contract: ContractView }) {
  return (
    <Card title="Hours">
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          {contract.hourlyRateMinor !== null && <><Money minor={contract.hourlyRateMinor} /> per hour, </>}
          up to {contract.weeklyLimitHours} hours a week. Each week (Monday–Sunday UTC) is invoiced on Monday; the client can dispute until Friday.
        </p>
        {contract.viewerRole === "FREELANCER" && contract.status === "ACTIVE" && contract.currentWeek && <LogTimeForm contract={contract} />}
        <HourlyWeeks contract={contract} />
      </div>
    </Card>
  );
}
