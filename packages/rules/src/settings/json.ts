import { validateSettingValue } from "./settings";
import type { MarketplaceSettings } from "./settings";
import type { SettingKey } from "./definitions";

/** What a settings value looks like in a JSON column: bigints become `{ "$bigint": "1499" }`. */
export type SettingJson = string | number | boolean | null | SettingJson[] | { [key: string]: SettingJson };

const BIGINT_TAG = "$bigint";

export function settingValueToJson(value: unknown): SettingJson {
  if (typeof value === "bigint") return { [BIGINT_TAG]: value.toString() };
  if (Array.isArray(value)) return value.map(settingValueToJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settingValueToJson(item)]));
  }
  return value as SettingJson;
}

function revive(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(revive);
  if (json !== null && typeof json === "object") {
    const entries = Object.entries(json);
    const [onlyEntry] = entries;
    if (entries.length === 1 && onlyEntry?.[0] === BIGINT_TAG && typeof onlyEntry[1] === "string" && /^-?\d+$/.test(onlyEntry[1])) {
      return BigInt(onlyEntry[1]);
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, revive(item)]));
  }
  return json;
}

/** Reads a stored JSON value back and validates it for its key (throws SETTING_INVALID_VALUE). */
export function settingValueFromJson<K extends SettingKey>(key: K, json: unknown): MarketplaceSettings[K] {
  return validateSettingValue(key, revive(json));
}
