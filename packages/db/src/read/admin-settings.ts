import {
  canonicalText,
  DEFAULT_SETTINGS,
  formatMoney,
  isSettingKey,
  SETTING_DEFINITIONS,
  SETTING_KEYS,
  settingValueFromJson,
  type FeeSchedule,
  type MarketplaceSettings,
  type RateCard,
  type SettingGroup,
  type SettingKey,
  type SettingUnit,
  VERIFICATION_ACTION_WORDS,
} from "@fairlance/rules";
import type { Db } from "../client";
import { requireActor } from "../services/actor";
import { loadSettings } from "../settings/load-settings";

const percent = (bps: number) => `${(bps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
const edge = (upTo: bigint | null) => (upTo === null ? "and above" : `up to ${formatMoney(upTo)}`);

/** A setting's value in words and numbers, as an admin reads it in tables and history. */
export function describeSettingValue(key: SettingKey, value: unknown): string {
  const unit: SettingUnit = SETTING_DEFINITIONS[key].unit;
  if (value === null) return "no cap";
  switch (unit) {
    case "money":
      return formatMoney(value as bigint);
    case "bps":
      return percent(value as number);
    case "days":
      return `${String(value)} day${value === 1 ? "" : "s"}`;
    case "connects":
      return `${String(value)} connect${value === 1 ? "" : "s"}`;
    case "count":
      return String(value);
    case "boolean":
      return value ? "On" : "Off";
    case "bundle_sizes":
      return `${(value as number[]).join(", ")} connects`;
    case "payout_fees":
      return Object.entries(value as Record<string, bigint>)
        .map(([method, fee]) => `${method.replace("_", " ")} ${formatMoney(fee)}`)
        .join(" · ");
    case "rate_card":
      return (value as RateCard).tiers
        .map((tier) => `${edge(tier.upToMinor)}: ${tier.connects} (${tier.shortConnects} if ≤ ${tier.shortMaxDays} d)`)
        .join(" · ");
    case "fee_schedule": {
      const schedule = value as FeeSchedule;
      if (schedule.model === "flat") return `flat ${percent(schedule.rateBps)}`;
      return `${schedule.model}: ${schedule.bands.map((band) => `${percent(band.rateBps)} ${edge(band.upToMinor)}`).join(" · ")}`;
    }
    case "scam_patterns":
      return `${(value as MarketplaceSettings["scamShieldPatterns"]).length} patterns: ${(value as MarketplaceSettings["scamShieldPatterns"]).map((p) => p.label).join(", ")}`;
    case "verification_actions": {
      const actions = value as MarketplaceSettings["verificationRequiredFor"];
      return actions.length === 0 ? "Nothing waits" : actions.map((action) => VERIFICATION_ACTION_WORDS[action]).join(", ");
    }
  }
}

export interface AdminSettingView {
  key: SettingKey;
  label: string;
  description: string;
  group: SettingGroup;
  unit: SettingUnit;
  /** The value in force now, in its own type (bigint cents for money). */
  value: unknown;
  display: string;
  isDefault: boolean;
  /** Changes recorded to take effect later. */
  scheduled: { versionId: number; effectiveFrom: Date; display: string }[];
}

/** Every [admin] value with what is in force now and what is scheduled (admin only). */
export async function getAdminSettings(db: Db, input: { actorId: string; now: Date }): Promise<AdminSettingView[]> {
  await requireActor(db, input, "ADMIN", "see the settings");
  const [{ settings }, later] = await Promise.all([
    loadSettings(db, input.now),
    db.settingVersion.findMany({ where: { effectiveFrom: { gt: input.now } }, orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }] }),
  ]);
  return SETTING_KEYS.map((key) => {
    const definition = SETTING_DEFINITIONS[key];
    const value: unknown = settings[key];
    return {
      key,
      label: definition.label,
      description: definition.description,
      group: definition.group,
      unit: definition.unit,
      value,
      display: describeSettingValue(key, value),
      isDefault: canonicalText(value) === canonicalText(DEFAULT_SETTINGS[key]),
      scheduled: later
        .filter((row) => row.key === key)
        .map((row) => ({ versionId: row.id, effectiveFrom: row.effectiveFrom, display: describeSettingValue(key, settingValueFromJson(key, row.value)) })),
    };
  });
}

export interface SettingHistoryLine {
  versionId: number;
  effectiveFrom: Date;
  recordedAt: Date;
  by: { id: string; name: string; email: string } | null;
  reason: string;
  before: string;
  after: string;
  status: "scheduled" | "in_force" | "replaced";
}

/** Every change of one setting, newest effective first: who, when, why, before and after (admin only). */
export async function getSettingHistory(db: Db, input: { actorId: string; key: string; now: Date }): Promise<SettingHistoryLine[]> {
  await requireActor(db, input, "ADMIN", "see a setting's history");
  const key = input.key;
  if (!isSettingKey(key)) return [];
  const rows = await db.settingVersion.findMany({
    where: { key },
    orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }],
    select: { id: true, value: true, effectiveFrom: true, createdAt: true, reason: true, createdBy: { select: { id: true, name: true, email: true } } },
  });
  let previous = describeSettingValue(key, DEFAULT_SETTINGS[key]);
  const current = rows.filter((row) => row.effectiveFrom <= input.now).at(-1)?.id;
  const lines = rows.map((row): SettingHistoryLine => {
    const after = describeSettingValue(key, settingValueFromJson(key, row.value));
    const line: SettingHistoryLine = {
      versionId: row.id,
      effectiveFrom: row.effectiveFrom,
      recordedAt: row.createdAt,
      by: row.createdBy,
      reason: row.reason,
      before: previous,
      after,
      status: row.effectiveFrom > input.now ? "scheduled" : row.id === current ? "in_force" : "replaced",
    };
    previous = after;
    return line;
  });
  return lines.reverse();
}
