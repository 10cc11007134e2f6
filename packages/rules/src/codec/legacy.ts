/**
 * LEGACY READERS — what databases hold from before the one typed encoding (./typed-json.ts).
 * Nothing new is written in these formats; they are kept, unchanged, so old rows stay readable
 * and old idempotency keys keep their meaning:
 *
 * - `legacyRequestText`: the canonical request text of idempotency hashes without a version
 *   tag (every `requestHash` not starting with "v2:"). Sorted keys (by localeCompare), bigints as
 *   "123n", dates as ISO text.
 * - `reviveLegacyTagged`: settings values, contract fee schedules, payment fee bands and audit
 *   before/after, which wrote a bigint as {"$bigint": "1499"} (dates as ISO text, left as text).
 * - `reviveLegacyResult`: idempotent results, which wrote bigints the same way and whose reader
 *   guessed that ISO-looking text was a date.
 * - `legacyTagged`: the {"$bigint"} writer, only to recompute a legacy hash of a request that
 *   carried a value in that form (settings.change hashed its new value so).
 */

/** The request text that unversioned idempotency hashes were taken of. */
export const legacyRequestText = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => {
    // Dates arrive as ISO text already (JSON.stringify calls toJSON before the replacer).
    if (typeof item === "bigint") return `${item}n`;
    if (item && typeof item === "object" && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return item;
  });

const BIGINT_TAG = "$bigint";

/** A bigint written as {"$bigint": "1499"}, or undefined. */
function taggedBigint(entries: [string, unknown][]): bigint | undefined {
  const [only] = entries;
  if (entries.length === 1 && only?.[0] === BIGINT_TAG && typeof only[1] === "string" && /^-?\d+$/.test(only[1])) return BigInt(only[1]);
  return undefined;
}

/** Reads a value written with bigints as {"$bigint": "…"}; everything else stays as stored. */
export function reviveLegacyTagged(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(reviveLegacyTagged);
  if (json !== null && typeof json === "object") {
    const entries = Object.entries(json);
    return taggedBigint(entries) ?? Object.fromEntries(entries.map(([key, item]) => [key, reviveLegacyTagged(item)]));
  }
  return json;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Reads an idempotent result of the earlier encoding: {"$bigint"} tags, and ISO-looking text taken for a date. */
export function reviveLegacyResult(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(reviveLegacyResult);
  if (json !== null && typeof json === "object") {
    const entries = Object.entries(json);
    return taggedBigint(entries) ?? Object.fromEntries(entries.map(([key, item]) => [key, reviveLegacyResult(item)]));
  }
  if (typeof json === "string" && ISO_DATE.test(json)) return new Date(json);
  return json;
}

/** The {"$bigint"} form of a value: only for recomputing a legacy hash (see above). */
export function legacyTagged(value: unknown): unknown {
  if (typeof value === "bigint") return { [BIGINT_TAG]: value.toString() };
  if (Array.isArray(value)) return value.map(legacyTagged);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, legacyTagged(item)]));
  }
  return value;
}
