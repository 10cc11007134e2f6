import { applySettingChange, connectBundles, projectedJobValue, rateCardImpact, type MarketplaceSettings } from "@fairlance/rules";
import type { Db } from "../client";
import { requireActor } from "../services/actor";
import { loadSettings } from "../settings/load-settings";

/** The settings whose change the admin previews before saving (economy.md §6). */
export const IMPACT_KEYS = ["connectPriceMinor", "connectBundleSizes", "connectRateCard"] as const;
export type ImpactKey = (typeof IMPACT_KEYS)[number];

export interface SettingImpact {
  connectPriceBeforeMinor: bigint;
  connectPriceAfterMinor: bigint;
  bundles: { size: number; priceBeforeMinor: bigint | null; priceAfterMinor: bigint | null }[];
  /** Open jobs: their cost is fixed at publication; "after" is what the same job would cost if published under the change. */
  jobs: { jobId: string; title: string; connectCost: number; afterConnects: number; costBeforeMinor: bigint; costAfterMinor: bigint }[];
  openJobCount: number;
  revenue: { days: number; proposals: number; connectsBefore: number; connectsAfter: number; valueBeforeMinor: bigint; valueAfterMinor: bigint };
}

const JOB_LIMIT = 100;
const REVENUE_DAYS = 30;

type PricedJob = { budgetMinor: bigint | null; hourlyMaxMinor: bigint | null; estimatedHours: number | null; type: "FIXED" | "HOURLY"; durationDays: number };

const projected = (job: PricedJob) =>
  projectedJobValue(
    job.type === "FIXED"
      ? { type: "fixed", budgetMinor: job.budgetMinor ?? 0n }
      : { type: "hourly", maxHourlyRateMinor: job.hourlyMaxMinor ?? 0n, estimatedHours: job.estimatedHours ?? 0 },
  );

const costs = (jobs: (PricedJob & { id: string })[], before: MarketplaceSettings, after: MarketplaceSettings) =>
  new Map(
    rateCardImpact({
      jobs: jobs.map((job) => ({ jobId: job.id, projectedValueMinor: projected(job), durationDays: Math.max(1, job.durationDays) })),
      before: before.connectRateCard,
      after: after.connectRateCard,
    }).map((impact) => [impact.jobId, impact]),
  );

/**
 * What a connect price, bundle or rate-card change would do (admin only): bundle prices before
 * and after, what applying to each open job costs, and the value of the last 30 days' proposals
 * at the new prices. Throws the rules' SETTING_INVALID_VALUE for a value that cannot be saved.
 */
export async function previewSettingImpact(
  db: Db,
  input: { actorId: string; key: ImpactKey; value: unknown; now: Date; effectiveFrom?: Date | null },
): Promise<SettingImpact> {
  await requireActor(db, input, "ADMIN", "preview setting changes");
  const { settings: before } = await loadSettings(db, input.effectiveFrom ?? input.now);
  const after = applySettingChange(before, input.key, input.value);
  const since = new Date(input.now.getTime() - REVENUE_DAYS * 86_400_000);
  const jobSelect = { id: true, title: true, type: true, budgetMinor: true, hourlyMaxMinor: true, estimatedHours: true, durationDays: true, connectCost: true } as const;
  const [openJobs, openJobCount, proposals] = await Promise.all([
    db.job.findMany({ where: { status: "OPEN" }, orderBy: { publishedAt: "desc" }, take: JOB_LIMIT, select: jobSelect }),
    db.job.count({ where: { status: "OPEN" } }),
    db.proposal.findMany({
      where: { submittedAt: { gte: since, lte: input.now }, invited: false },
      select: { connectCost: true, boostConnects: true, job: { select: jobSelect } },
    }),
  ]);
  const jobCosts = costs(openJobs, before, after);
  const proposalCosts = costs(proposals.map((p) => p.job), before, after);
  const connectsBefore = proposals.reduce((sum, p) => sum + p.connectCost + p.boostConnects, 0);
  const rateCardChanges = input.key === "connectRateCard";
  const connectsAfter = proposals.reduce(
    (sum, p) => sum + (rateCardChanges ? (proposalCosts.get(p.job.id)?.afterConnects ?? p.connectCost) : p.connectCost) + p.boostConnects,
    0,
  );
  const bundleBefore = new Map(connectBundles(before).map((b) => [b.size, b.priceMinor]));
  const bundleAfter = new Map(connectBundles(after).map((b) => [b.size, b.priceMinor]));
  const sizes = [...new Set([...bundleBefore.keys(), ...bundleAfter.keys()])].sort((a, b) => a - b);

  return {
    connectPriceBeforeMinor: before.connectPriceMinor,
    connectPriceAfterMinor: after.connectPriceMinor,
    bundles: sizes.map((size) => ({ size, priceBeforeMinor: bundleBefore.get(size) ?? null, priceAfterMinor: bundleAfter.get(size) ?? null })),
    jobs: openJobs.map((job) => {
      const connectCost = job.connectCost ?? jobCosts.get(job.id)?.beforeConnects ?? 0;
      const afterConnects = rateCardChanges ? (jobCosts.get(job.id)?.afterConnects ?? connectCost) : connectCost;
      return {
        jobId: job.id,
        title: job.title,
        connectCost,
        afterConnects,
        costBeforeMinor: BigInt(connectCost) * before.connectPriceMinor,
        costAfterMinor: BigInt(afterConnects) * after.connectPriceMinor,
      };
    }),
    openJobCount,
    revenue: {
      days: REVENUE_DAYS,
      proposals: proposals.length,
      connectsBefore,
      connectsAfter,
      valueBeforeMinor: BigInt(connectsBefore) * before.connectPriceMinor,
      valueAfterMinor: BigInt(connectsAfter) * after.connectPriceMinor,
    },
  };
}
