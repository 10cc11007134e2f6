import { MAX_BATCH_CALLS } from "@/lib/api-limits";

export { MAX_BATCH_CALLS };

/** The procedures a request calls ("a.b,c.d" in a batch) and whether it is a batch. */
export function callsOf(url: URL, endpoint: string): { paths: string[]; isBatch: boolean } {
  const path = url.pathname.slice(url.pathname.indexOf(endpoint) + endpoint.length).replace(/^\/+|\/+$/g, "");
  const isBatch = url.searchParams.get("batch") === "1";
  return { paths: isBatch ? path.split(",") : [path], isBatch };
}

/** The sentence refusing a batch of more than MAX_BATCH_CALLS calls, or null. */
export function batchTooLarge(paths: readonly string[]): string | null {
  return paths.length > MAX_BATCH_CALLS ? `One request may batch at most ${MAX_BATCH_CALLS} calls; this one has ${paths.length}.` : null;
}

/** Each call's input, as tRPC will read it: one value, or the batch's values by call index. */
export function inputsOf(parsed: unknown, calls: number, isBatch: boolean): unknown[] {
  if (!isBatch) return [parsed];
  if (parsed === null || typeof parsed !== "object") return [];
  return Array.from({ length: calls }, (_, index) => (Object.hasOwn(parsed, String(index)) ? (parsed as Record<string, unknown>)[String(index)] : undefined));
}
