import { decodeTyped, isTypedJson, typedColumn, type JsonValue } from "../codec/typed-json";
import { reviveLegacyTagged } from "../codec/legacy";
import { validateSettingValue } from "./settings";
import type { MarketplaceSettings } from "./settings";
import type { SettingKey } from "./definitions";

/**
 * A settings value (or a fee schedule, fee bands) as stored in a JSON column: the one typed
 * encoding (codec/typed-json.ts), bigint cents exact.
 */
export function settingValueToJson(value: unknown): { [key: string]: JsonValue } {
  return typedColumn(value);
}

/**
 * Reads a stored value back and validates it for its key (throws SETTING_INVALID_VALUE). Rows
 * written before the typed encoding ({"$bigint": "1499"}) are read by the legacy reader.
 */
export function settingValueFromJson<K extends SettingKey>(key: K, json: unknown): MarketplaceSettings[K] {
  return validateSettingValue(key, isTypedJson(json) ? decodeTyped(json) : reviveLegacyTagged(json));
}
