import { z } from "zod";
import { IMPACT_KEYS } from "@fairlance/db/read";
import { ChosenSetting } from "@fairlance/db/services";

export const ZSettingKey = ChosenSetting;

export const ZAdminSettings = z.array(
  z.object({
    key: ZSettingKey,
    label: z.string(),
    description: z.string(),
    group: z.enum(["connects", "jobs", "fees", "payouts", "trust"]),
    unit: z.string(),
    /** In its own type: bigint cents for money, numbers, lists and objects (validated by the rules on change). */
    value: z.unknown(),
    display: z.string(),
    isDefault: z.boolean(),
    scheduled: z.array(z.object({ versionId: z.number().int(), effectiveFrom: z.date(), display: z.string() })),
  }),
);

export const ZSettingHistoryInput = z.strictObject({ key: ZSettingKey });
export const ZSettingHistory = z.array(
  z.object({
    versionId: z.number().int(),
    effectiveFrom: z.date(),
    recordedAt: z.date(),
    by: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    reason: z.string(),
    before: z.string(),
    after: z.string(),
    status: z.enum(["scheduled", "in_force", "replaced"]),
  }),
);

export const ZSettingChange = z.object({
  versionId: z.number().int(),
  key: ZSettingKey,
  effectiveFrom: z.date(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ZImpactInput = z.strictObject({ key: z.enum(IMPACT_KEYS), value: z.unknown(), effectiveFrom: z.date().nullable() });
export const ZSettingImpact = z.object({
  connectPriceBeforeMinor: z.bigint(),
  connectPriceAfterMinor: z.bigint(),
  bundles: z.array(z.object({ size: z.number().int(), priceBeforeMinor: z.bigint().nullable(), priceAfterMinor: z.bigint().nullable() })),
  jobs: z.array(
    z.object({
      jobId: z.string(),
      title: z.string(),
      connectCost: z.number().int(),
      afterConnects: z.number().int(),
      costBeforeMinor: z.bigint(),
      costAfterMinor: z.bigint(),
    }),
  ),
  openJobCount: z.number().int(),
  revenue: z.object({
    days: z.number().int(),
    proposals: z.number().int(),
    connectsBefore: z.number().int(),
    connectsAfter: z.number().int(),
    valueBeforeMinor: z.bigint(),
    valueAfterMinor: z.bigint(),
  }),
});
