import { assertValidDate } from "../time";
import { DEFAULT_SETTINGS } from "./defaults";
import { SETTING_KEYS, type SettingKey } from "./definitions";
import { validateSettingValue, type MarketplaceSettings } from "./settings";

/** One stored change of one key (economy.md §0.5): its value applies from `effectiveFrom` on. */
export interface SettingVersion {
  key: SettingKey;
  value: unknown;
  effectiveFrom: Date;
}

/**
 * The settings in force at `at`: for each key, the version with the latest `effectiveFrom` not
 * after `at` (on a tie, the one listed last, i.e. recorded last); the default when there is none.
 */
export function resolveSettings(versions: readonly SettingVersion[], at: Date): MarketplaceSettings {
  assertValidDate(at, "settings date");
  const chosen = new Map<SettingKey, SettingVersion>();
  for (const version of versions) {
    if (version.effectiveFrom.getTime() > at.getTime()) continue;
    const current = chosen.get(version.key);
    if (!current || version.effectiveFrom.getTime() >= current.effectiveFrom.getTime()) chosen.set(version.key, version);
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const version = chosen.get(key);
    if (version) settings[key] = validateSettingValue(key, version.value);
  }
  return settings as MarketplaceSettings;
}
