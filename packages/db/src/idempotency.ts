import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma, Tx } from "./client";
import { DomainError } from "./errors";
import { decodeTyped, encodeTyped, isTypedJson } from "./codec/typed-json";

/** A client-generated key: the same key for a retry of the same request. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, "The idempotency key must have at least 8 characters.")
  .max(100, "The idempotency key must have at most 100 characters.")
  .regex(/^[\w.:-]+$/, "The idempotency key may use letters, digits and . _ : - only.");

export interface IdempotentCall {
  operation: string;
  /** The person acting (null for the system: scheduler, seed). Keys are scoped per person and operation. */
  userId: string | null;
  key: string;
  /** What was asked: a replay must ask the same. */
  request: unknown;
}

const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return `${item}n`;
    if (item instanceof Date) return item.toISOString();
    if (item && typeof item === "object" && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return item;
  });

export const hashRequest = (request: unknown) => createHash("sha256").update(stableJson(request)).digest("hex");

export const scopedKey = (call: Pick<IdempotentCall, "operation" | "userId" | "key">) =>
  `${call.operation}:${call.userId ?? "system"}:${call.key}`;

/**
 * Runs `fn` once per key, inside the caller's transaction. A replay with the same
 * request returns the stored result; the same key with another request is refused.
 * Concurrent calls with one key queue on a transaction-scoped advisory lock, so
 * the second sees the first's committed record and replays it.
 */
export async function idempotent<T>(
  tx: Tx,
  call: IdempotentCall,
  fn: () => Promise<T>,
  codec: { encode: (value: T) => Prisma.InputJsonValue; decode: (json: unknown) => T },
): Promise<{ result: T; replayed: boolean }> {
  const key = scopedKey(call);
  const requestHash = hashRequest(call.request);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  const existing = await tx.idempotencyRecord.findUnique({ where: { key } });
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new DomainError(
        "IDEMPOTENCY_KEY_REUSED",
        "This request key was already used for a different request. Reload the page and try again.",
      );
    }
    return { result: codec.decode(existing.result), replayed: true };
  }
  const result = await fn();
  await tx.idempotencyRecord.create({
    data: { key, userId: call.userId, operation: call.operation, requestHash, result: codec.encode(result) },
  });
  return { result, replayed: false };
}

/**
 * The stored result of an idempotent call, in the one typed-JSON encoding (codec/typed-json.ts):
 * a replay gets back exactly what the first call returned — a title "42n" or
 * "2026-12-02T18:00:00.000Z" stays text, a bigint stays a bigint, a date a date.
 * Results stored before this encoding (bigints as {"$bigint": "…"}, dates as ISO text) are
 * still read, by the guessing reader they were written for.
 */
export const jsonCodec = <T>() => ({
  encode: (value: T): Prisma.InputJsonValue => {
    const { json, meta } = encodeTyped(value);
    return (meta === undefined ? { json } : { json, meta }) as Prisma.InputJsonValue;
  },
  decode: (stored: unknown): T => (isTypedJson(stored) ? decodeTyped<T>(stored) : (reviveLegacy(stored) as T)),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function reviveLegacy(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(reviveLegacy);
  if (json && typeof json === "object") {
    const entries = Object.entries(json);
    if (entries.length === 1 && entries[0]![0] === "$bigint") return BigInt(entries[0]![1] as string);
    return Object.fromEntries(entries.map(([k, v]) => [k, reviveLegacy(v)]));
  }
  if (typeof json === "string" && ISO_DATE.test(json)) return new Date(json);
  return json;
}
