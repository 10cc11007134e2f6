import { jobConnectCost, projectedJobValue, type JobPricing } from "@fairlance/rules";
import type { Db } from "../client";
import { loadSettings } from "../settings/load-settings";

export interface JobCostPreview {
  projectedValueMinor: bigint;
  connectCost: number;
  /** The price of one connect now, so the client sees what applying costs a freelancer in money. */
  connectPriceMinor: bigint;
}

/**
 * What a job would cost freelancers to apply if published now (economy.md §2.3), from the values a client
 * is typing and the rate card in force. Publishing fixes the cost with the same rules.
 */
export async function previewJobConnectCost(db: Db, input: { pricing: JobPricing; durationDays: number; now: Date }): Promise<JobCostPreview> {
  const { settings } = await loadSettings(db, input.now);
  const projectedValueMinor = projectedJobValue(input.pricing);
  return {
    projectedValueMinor,
    connectCost: jobConnectCost({ projectedValueMinor, durationDays: input.durationDays, rateCard: settings.connectRateCard }),
    connectPriceMinor: settings.connectPriceMinor,
  };
}
