import { z } from "zod";
import { RuleViolation } from "../errors";
import { isSettingKey, SETTING_DEFINITIONS, SETTING_KEYS, type SettingDefinitions, type SettingKey } from "./definitions";

type SettingsShape = { [K in SettingKey]: SettingDefinitions[K]["schema"] };

const shape = Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_DEFINITIONS[key].schema])) as SettingsShape;

/** The whole set of admin-editable values; unknown keys are refused so a typo cannot hide. */
export const MarketplaceSettingsSchema = z.strictObject(shape);

export type MarketplaceSettings = z.infer<typeof MarketplaceSettingsSchema>;

export interface SettingIssue {
  path: string;
  message: string;
}

function issuesOf(error: z.ZodError): SettingIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

function describeIssues(issues: readonly SettingIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(" ");
}

/** Validates the value an admin gives ONE key; returns it parsed or throws SETTING_INVALID_VALUE. */
export function validateSettingValue<K extends SettingKey>(key: K, value: unknown): MarketplaceSettings[K];
export function validateSettingValue(key: string, value: unknown): unknown;
export function validateSettingValue(key: string, value: unknown): unknown {
  if (!isSettingKey(key)) {
    throw new RuleViolation("SETTING_UNKNOWN_KEY", `There is no setting called "${key}".`, { key });
  }
  const definition: { label: string; schema: z.ZodType } = SETTING_DEFINITIONS[key];
  const result = definition.schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error);
    throw new RuleViolation("SETTING_INVALID_VALUE", `${definition.label}: ${describeIssues(issues)}`, { key, issues });
  }
  return result.data;
}

/** A copy of `settings` with one key changed, after validating the new value. */
export function applySettingChange<K extends SettingKey>(
  settings: MarketplaceSettings,
  key: K,
  value: unknown,
): MarketplaceSettings {
  return { ...settings, [key]: validateSettingValue(key, value) };
}
