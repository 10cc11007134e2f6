import superjson from "superjson";

/**
 * The one typed-JSON encoding of Fairlance: superjson's `{ json, meta }`, which carries bigint
 * cents, dates and `undefined` exactly. The API speaks it (tRPC's transformer), and everything
 * stored or hashed uses it: idempotent results and request hashes, setting versions, a
 * contract's fee schedule, a payment's fee bands, the audit log, job runs. A value read back is
 * the value written — a title "42n" stays text, a date stays a date.
 *
 * Besides plain JSON it carries bigint, Date and undefined (and the numbers JSON cannot write:
 * NaN, ±Infinity, -0), nothing else: a Map, a class instance or a function is refused when
 * written, and a stored encoding naming another type is refused when read, so superjson's
 * own types (`custom`, `class`, `symbol`…) never run on a row.
 *
 * `decodeTyped` is for encodings this system wrote itself (its own database rows). What a
 * caller sends goes through `decodeUntrusted` (@fairlance/db, codec/untrusted.ts), which takes
 * only what the API's inputs can carry. Rows written before this encoding are read by
 * ./legacy.ts.
 */
export interface TypedJson {
  json: unknown;
  meta?: { values?: unknown; referentialEqualities?: unknown; v?: number };
}

/** Plain JSON, as a JSON column holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The superjson types a stored encoding may name. */
export const STORED_TYPES = ["bigint", "Date", "undefined", "number"] as const;

/** A value the codec will not write, or a stored encoding it will not read: a bug, never a person's input. */
export class TypedJsonError extends Error {
  override name = "TypedJsonError";
}

const isPlainObject = (value: object): boolean => [Object.prototype, null].includes(Object.getPrototypeOf(value));

const where = (path: string[]) => (path.length === 0 ? "the value" : `"${path.join(".")}"`);

/** Throws unless `value` is plain JSON with bigints, valid dates and undefined only. */
function assertEncodable(value: unknown): void {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop()!;
    switch (typeof item) {
      case "string":
      case "number":
      case "boolean":
      case "bigint":
      case "undefined":
        continue;
      case "object":
        if (item === null) continue;
        if (item instanceof Date) {
          if (Number.isNaN(item.getTime())) throw new TypedJsonError(`Typed JSON cannot store an invalid date (at ${where(path)}).`);
          continue;
        }
        if (Array.isArray(item)) {
          item.forEach((child, index) => stack.push({ value: child, path: [...path, String(index)] }));
          continue;
        }
        if (!isPlainObject(item)) {
          throw new TypedJsonError(`Typed JSON stores plain data, bigints and dates only, not a ${item.constructor?.name ?? "object"} (at ${where(path)}).`);
        }
        for (const [key, child] of Object.entries(item)) stack.push({ value: child, path: [...path, key] });
        continue;
      default:
        throw new TypedJsonError(`Typed JSON cannot store a ${typeof item} (at ${where(path)}).`);
    }
  }
}

/** The typed-JSON encoding of a value; throws TypedJsonError for anything but plain data, bigints, dates and undefined. */
export function encodeTyped(value: unknown): TypedJson {
  assertEncodable(value);
  return superjson.serialize(value) as TypedJson;
}

/** Whether a stored JSON value is a typed-JSON encoding ({ json, meta? } and nothing else). */
export function isTypedJson(value: unknown): value is TypedJson {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes("json") && keys.every((key) => key === "json" || key === "meta");
}

/** Throws unless every annotation of a stored encoding is a single type of STORED_TYPES. */
function assertStoredTypes(encoded: TypedJson): void {
  const values = encoded.meta?.values;
  if (values === undefined) return;
  const trees = Array.isArray(values) ? [values] : values !== null && typeof values === "object" ? Object.values(values) : null;
  if (trees === null) throw new TypedJsonError("A stored typed-JSON value has malformed meta values.");
  for (const tree of trees) {
    const type: unknown = Array.isArray(tree) && tree.length === 1 ? tree[0] : undefined;
    if (typeof type !== "string" || !(STORED_TYPES as readonly string[]).includes(type)) {
      throw new TypedJsonError(`A stored typed-JSON value names a type it may not hold (${JSON.stringify(tree)}).`);
    }
  }
}

/** Reads back an encoding this system wrote (its own rows); throws TypedJsonError for anything else. */
export function decodeTyped<T = unknown>(encoded: unknown): T {
  if (!isTypedJson(encoded)) throw new TypedJsonError("A stored value is not typed JSON ({ json, meta }).");
  assertStoredTypes(encoded);
  return superjson.deserialize<T>(encoded as Parameters<typeof superjson.deserialize>[0]);
}

/** The JSON column value of a typed encoding (`meta` only when there is one). */
export function typedColumn(value: unknown): { [key: string]: JsonValue } {
  const { json, meta } = encodeTyped(value);
  return (meta === undefined ? { json } : { json, meta }) as { [key: string]: JsonValue };
}

/** A copy without the object fields that are undefined (an optional field left out and one sent as undefined are the same request). */
function withoutUndefinedFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefinedFields);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, withoutUndefinedFields(item)]));
  }
  return value;
}

/** JSON text with every object's keys in code-unit order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The canonical text of a value in the typed encoding (economy.md §0.4): equal values give equal text
 * whatever the order of their keys, an object field that is undefined counts as absent, and a
 * bigint, a date and a text that looks like one stay different. Idempotency hashes it to tell a
 * replay from another request under the same key; React Query hashes its keys with it.
 */
export function canonicalText(value: unknown): string {
  const { json, meta } = encodeTyped(withoutUndefinedFields(value));
  // Referential equalities only say two places held one object: not part of the value.
  return sortedJson(meta?.values === undefined ? { json } : { json, values: meta.values });
}
