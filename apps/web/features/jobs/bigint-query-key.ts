import { hashKey, type QueryKey } from "@tanstack/react-query";

/**
 * React Query hashes query keys with JSON.stringify, which throws on bigint; amounts in cents are
 * bigint in our query inputs, so queries keyed by an amount hash them as tagged strings.
 */
export function hashBigintKey(queryKey: QueryKey): string {
  return hashKey(JSON.parse(JSON.stringify(queryKey, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))) as QueryKey);
}
