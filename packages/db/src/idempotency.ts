import { createHash } from "node:crypto";
import { z } from "zod";
import { Prisma, type Tx } from "./client";
import { DomainError } from "./errors";
import type { Operation } from "./operations";
import { legacyRequestText, reviveLegacyResult } from "@fairlance/rules";
import { canonicalText, decodeTyped, isTypedJson, typedColumn } from "./codec/typed-json";

/** A client-generated key: the same key for a retry of the same request. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, "The idempotency key must have at least 8 characters.")
  .max(100, "The idempotency key must have at most 100 characters.")
  .regex(/^[\w.:-]+$/, "The idempotency key may use letters, digits and . _ : - only.");

export interface IdempotentCall {
  /** Its name (operations.ts): the stored key begins with it. */
  operation: Operation;
  /** The person acting (null for the system: scheduler, seed). Keys are scoped per person and operation. */
  userId: string | null;
  key: string;
  /** What was asked: a replay must ask the same. */
  request: unknown;
  /**
   * Only where a request was hashed in another form before the typed encoding (settings.change
   * hashed its value with {"$bigint"} tags): that form, to compare untagged stored hashes with.
   */
  legacyRequest?: unknown;
}

/**
 * A request hash is "v2:" and the sha256 of the request's canonical text in the typed encoding
 * (codec/typed-json.ts). Hashes stored before it have no tag: they were taken of the legacy
 * request text (@fairlance/rules, codec/legacy.ts), and are still compared with it, so no stored
 * key changes meaning.
 */
const REQUEST_HASH_VERSION = "v2:";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The sha256 (hex) of the request's canonical text: the hash without its version tag. */
export const requestDigest = (request: unknown) => sha256(canonicalText(request));

export const hashRequest = (request: unknown) => `${REQUEST_HASH_VERSION}${requestDigest(request)}`;

/**
 * Whether a stored request hash is this call's request. An untagged hash is of the legacy
 * request text, of `legacyRequest` when the call hashed its request differently then.
 */
export function sameRequest(storedHash: string, call: Pick<IdempotentCall, "request" | "legacyRequest">): boolean {
  if (storedHash.startsWith(REQUEST_HASH_VERSION)) return storedHash === hashRequest(call.request);
  return storedHash === sha256(legacyRequestText(call.legacyRequest === undefined ? call.request : call.legacyRequest));
}

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
  const replay = await storedResult(tx, call, key, codec);
  if (replay) return replay;
  const result = await fn();
  await tx.idempotencyRecord.create({
    data: { key, userId: call.userId, operation: call.operation, requestHash: hashRequest(call.request), result: codec.encode(result) },
  });
  return { result, replayed: false };
}

/** Takes the key's lock, then reads its record: the stored result of a replay, or null (a refusal for another request). */
async function storedResult<T>(tx: Tx, call: IdempotentCall, key: string, codec: { decode: (json: unknown) => T }): Promise<{ result: T; replayed: true } | null> {
  // Two statements: a read in the lock's own statement would use the snapshot taken before the
  // lock was granted, and miss the record of the call it waited for.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  // Raw, as the lock: the query builder would compile and interpret a plan for this one-row read
  // on every call (it was the last such call on a proposal's path; BENCHMARKS.md, "third pass").
  const [existing] = await tx.$queryRaw<{ requestHash: string; result: unknown }[]>`
    SELECT "requestHash", result FROM "IdempotencyRecord" WHERE key = ${key}`;
  if (!existing) return null;
  if (!sameRequest(existing.requestHash, call)) {
    throw new DomainError(
      "IDEMPOTENCY_KEY_REUSED",
      "This request key was already used for a different request. Reload the page and try again.",
    );
  }
  return { result: codec.decode(existing.result), replayed: true };
}

/**
 * `idempotent`, for an operation that writes its record in its own last statement (one round trip
 * fewer): `fn` gets `record(result)`, an `INSERT INTO "IdempotencyRecord"` of the same row
 * `idempotent` writes, to run as a part (a CTE) of that statement, and must return that `result`.
 * Calling `record` is checked: an `fn` that returns without having asked for it is an error.
 */
export async function idempotentInline<T>(
  tx: Tx,
  call: IdempotentCall,
  fn: (record: (result: T) => Prisma.Sql) => Promise<T>,
  codec: { encode: (value: T) => Prisma.InputJsonValue; decode: (json: unknown) => T },
): Promise<{ result: T; replayed: boolean }> {
  const key = scopedKey(call);
  const replay = await storedResult(tx, call, key, codec);
  if (replay) return replay;
  let recorded: { result: T } | null = null;
  const result = await fn((value) => {
    recorded = { result: value };
    // createdAt as Prisma's @default(now()) sets it on a create: the process's clock.
    return Prisma.sql`INSERT INTO "IdempotencyRecord" (key, "userId", operation, "requestHash", result, "createdAt")
      VALUES (${key}, ${call.userId}::uuid, ${call.operation}, ${hashRequest(call.request)}, ${JSON.stringify(codec.encode(value))}::jsonb,
              ${new Date().toISOString()}::timestamptz)`;
  });
  if (!recorded || (recorded as { result: T }).result !== result) throw new Error(`${call.operation} returned without writing its idempotency record`);
  return { result, replayed: false };
}

/**
 * The stored result of an idempotent call, in the one typed-JSON encoding (codec/typed-json.ts):
 * a replay gets back exactly what the first call returned — a title "42n" or
 * "2026-12-02T18:00:00.000Z" stays text, a bigint stays a bigint, a date a date.
 * Results stored before this encoding (bigints as {"$bigint": "…"}, dates as ISO text) are
 * still read, by the legacy reader they were written for (@fairlance/rules, codec/legacy.ts).
 */
export const jsonCodec = <T>() => ({
  encode: (value: T): Prisma.InputJsonValue => typedColumn(value) as Prisma.InputJsonValue,
  decode: (stored: unknown): T => (isTypedJson(stored) ? decodeTyped<T>(stored) : (reviveLegacyResult(stored) as T)),
});
