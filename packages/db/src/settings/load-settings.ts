import { resolveSettings, settingValueFromJson, isSettingKey, type MarketplaceSettings, type SettingKey } from "@fairlance/rules";
import { Prisma, type Db } from "../client";

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
  return resolveRows(rows, now);
}

/** A setting version as `settingRowsJson` gives it: its effective date in epoch milliseconds. */
export interface SettingRowJson {
  id: number;
  key: string;
  value: unknown;
  effectiveFromMs: number;
}

/**
 * The rows `loadSettings` reads, as one JSON array: a column of a statement that reads other
 * things too (one round trip fewer). Resolve it with `settingsFromRows`.
 */
export const settingRowsJson = (now: Date) => Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object('id', s.id, 'key', s.key, 'value', s.value,
                                             'effectiveFromMs', (extract(epoch FROM s."effectiveFrom") * 1000)::bigint)
                           ORDER BY s."effectiveFrom", s.id), '[]'::json)
  FROM "SettingVersion" s WHERE s."effectiveFrom" <= ${now.toISOString()}::timestamptz)`;

/** The settings in force at `now` from `settingRowsJson`'s rows: `loadSettings`'s answer. */
export function settingsFromRows(rows: readonly SettingRowJson[], now: Date): SettingsInForce {
  return resolveRows(
    rows.map((row) => ({ ...row, effectiveFrom: new Date(Number(row.effectiveFromMs)) })),
    now,
  );
}

/** The setting versions read (in effective order), resolved: the known keys' values in force, and the latest version's id. */
function resolveRows(rows: readonly { id: number; key: string; value: unknown; effectiveFrom: Date }[], now: Date): SettingsInForce {
  const versions = rows
    .filter((row) => isSettingKey(row.key))
    .map((row) => ({
      key: row.key as SettingKey,
      value: settingValueFromJson(row.key as SettingKey, row.value),
      effectiveFrom: row.effectiveFrom,
    }));
  return { settings: resolveSettings(versions, now), version: rows.reduce((max, row) => Math.max(max, row.id), 0) };
}
