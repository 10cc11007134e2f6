import superjson from "superjson";

/**
 * The one typed-JSON encoding of Fairlance: superjson's `{ json, meta }`, which carries bigint
 * cents, dates and `undefined` exactly. The API speaks it (tRPC's transformer), idempotent
 * replays are stored in it, and anything else that keeps typed values as JSON uses it, so a
 * value read back is the value written — a title "42n" stays text, a date stays a date.
 *
 * `decodeTyped` is for encodings this system wrote itself (its own database rows). What a
 * caller sends goes through `decodeUntrusted` (./untrusted.ts), which accepts only the types
 * the API's inputs can carry.
 */
export interface TypedJson {
  json: unknown;
  meta?: { values?: unknown; referentialEqualities?: unknown; v?: number };
}

export const encodeTyped = (value: unknown): TypedJson => superjson.serialize(value) as TypedJson;

export const decodeTyped = <T = unknown>(encoded: TypedJson): T =>
  superjson.deserialize<T>(encoded as Parameters<typeof superjson.deserialize>[0]);

/** Whether a stored JSON value is a typed-JSON encoding ({ json, meta? } and nothing else). */
export function isTypedJson(value: unknown): value is TypedJson {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes("json") && keys.every((key) => key === "json" || key === "meta");
}
