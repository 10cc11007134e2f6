import { resolveSettings, settingValueFromJson, isSettingKey, type MarketplaceSettings, type SettingKey } from "@fairlance/rules";
import type { Db } from "../client";

export interface SettingsInForce {
  settings: MarketplaceSettings;
  /** The id of the latest setting version in force (0 = all defaults): stored on what is priced under it. */
  version: number;
}

/** The settings in force at `now` (economy.md §0.5): later-dated changes do not apply yet. */
export async function loadSettings(db: Db, now: Date): Promise<SettingsInForce> {
  const rows = await db.settingVersion.findMany({
    where: { effectiveFrom: { lte: now } },
    orderBy: [{ effectiveFrom: "asc" }, { id: "asc" }],
    select: { id: true, key: true, value: true, effectiveFrom: true },
  });
  const versions = rows
    .filter((row) => isSettingKey(row.key))
    .map((row) => ({
      key: row.key as SettingKey,
      value: settingValueFromJson(row.key as SettingKey, row.value),
      effectiveFrom: row.effectiveFrom,
    }));
  return { settings: resolveSettings(versions, now), version: rows.reduce((max, row) => Math.max(max, row.id), 0) };
}
