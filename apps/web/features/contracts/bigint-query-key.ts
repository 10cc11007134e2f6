import { hashKey, type QueryKey } from "@tanstack/react-query";

/** React Query hashes keys with JSON.stringify, which refuses bigint: money inputs of quotes need this. */
export function hashBigintKey(queryKey: QueryKey): string {
  return hashKey(JSON.parse(JSON.stringify(queryKey, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value))) as QueryKey);
}
