import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";
import { IMPACT_KEYS } from "@fairlance/db/read";
import { SETTING_KEYS, type SettingKey } from "@fairlance/rules";

export const ZSettingKey = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], "Choose a setting.");

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

export const ZSettingHistoryInput = z.object({ key: ZSettingKey });
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

export const ZChangeSettingInput = z.object({
  idempotencyKey: IdempotencyKey,
  key: ZSettingKey,
  value: z.unknown(),
  effectiveFrom: z.date("Choose when the change takes effect.").nullable(),
  reason: z.string().trim().min(5, "Say why the setting changes (at least 5 characters).").max(1_000, "Keep the reason under 1,000 characters."),
});
export const ZSettingChange = z.object({
  versionId: z.number().int(),
  key: ZSettingKey,
  effectiveFrom: z.date(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ZImpactInput = z.object({ key: z.enum(IMPACT_KEYS), value: z.unknown(), effectiveFrom: z.date().nullable() });
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
