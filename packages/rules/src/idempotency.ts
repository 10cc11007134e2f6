/**
 * A canonical text of a request (RULES 0.4): the same request always gives the same string, so
 * a replay with the same idempotency key can be told apart from a different request reusing it.
 * Object keys are sorted, `undefined` fields dropped, bigints written as `"123n"`, dates as ISO.
 */
export function canonicalRequest(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalize(item)));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonicalize((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
