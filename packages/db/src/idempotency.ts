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

/** The refusal of a key used before for another request. */
const keyReused = () =>
  new DomainError("IDEMPOTENCY_KEY_REUSED", "This request key was already used for a different request. Reload the page and try again.");

/** A key's stored record as read: its request hash and its result (the codec's encoding). */
export interface StoredRecord {
  requestHash: string;
  result: unknown;
}

/**
 * What a stored record means for a call: null when there is none (run the operation), the stored
 * result when it is this call's request (a replay), and a refusal when the key was used for another.
 */
export function replayOf<T>(call: IdempotentCall, stored: StoredRecord | null | undefined, codec: { decode: (json: unknown) => T }): { result: T } | null {
  if (!stored) return null;
  if (!sameRequest(stored.requestHash, call)) throw keyReused();
  return { result: codec.decode(stored.result) };
}

/** Takes the key's transaction-scoped lock: concurrent calls with one key queue on it. */
const keyLock = (key: string) => Prisma.sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

/** The key's record as one JSON value (StoredRecord), or null: a scalar subquery. */
const recordRead = (key: string) =>
  Prisma.sql`(SELECT json_build_object('requestHash', "requestHash", 'result', result) FROM "IdempotencyRecord" WHERE key = ${key})`;

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
  // Two statements: a read in the lock's own statement would use the snapshot taken before the
  // lock was granted, and miss the record of the call it waited for.
  await tx.$executeRaw`SELECT ${keyLock(key)}`;
  // Raw, as the lock: the query builder would compile and interpret a plan for this one-row read
  // on every call (BENCHMARKS.md, "third pass").
  const [row] = await tx.$queryRaw<{ stored: StoredRecord | null }[]>`SELECT ${recordRead(key)} AS stored`;
  const replay = replayOf(call, row?.stored, codec);
  if (replay) return { result: replay.result, replayed: true };
  const result = await fn();
  await tx.idempotencyRecord.create({
    data: { key, userId: call.userId, operation: call.operation, requestHash: hashRequest(call.request), result: codec.encode(result) },
  });
  return { result, replayed: false };
}

/**
 * The parts of `idempotent` an operation folds into its own statements (idempotentInline): each is
 * SQL for the operation to run, in this order, and one decision.
 */
export interface InlineKey<T> {
  /** A SELECT expression taking the key's lock, for the operation's first statement (before the rows it locks). */
  readonly lock: Prisma.Sql;
  /** A scalar subquery giving the key's record (StoredRecord or null), for a statement after the lock's: it needs a snapshot taken after the lock was granted. */
  readonly stored: Prisma.Sql;
  /** What the record read means: the stored result (return it), null (run the operation), or the refusal of a reused key. */
  replay(stored: StoredRecord | null | undefined): { result: T } | null;
  /** The INSERT of the record `idempotent` writes, for a CTE of the operation's last statement. */
  record(result: T): Prisma.Sql;
}

/**
 * `idempotent`, for an operation that takes the key's lock, reads its record and writes it in its own
 * statements, in the caller's transaction: three round trips fewer. The hottest path, submitProposal,
 * runs the lock with its row locks, the read with its own reads, the record with its write. `fn` gets the parts (InlineKey) and
 * returns either what `replay` gave or the result it passed to `record`; anything else (the lock or
 * the read not asked for, or a result without its record) is an error, so nothing is committed.
 */
export async function idempotentInline<T>(
  call: IdempotentCall,
  fn: (key: InlineKey<T>) => Promise<T>,
  codec: { encode: (value: T) => Prisma.InputJsonValue; decode: (json: unknown) => T },
): Promise<{ result: T; replayed: boolean }> {
  const key = scopedKey(call);
  // `replay` stays undefined until the operation asks what its record means.
  const asked = { lock: false, stored: false, replay: undefined as { result: T } | null | undefined, recorded: null as { result: T } | null };
  const parts: InlineKey<T> = {
    get lock() {
      asked.lock = true;
      return keyLock(key);
    },
    get stored() {
      asked.stored = true;
      return recordRead(key);
    },
    replay: (stored) => (asked.replay = replayOf(call, stored, codec)),
    record: (value) => {
      asked.recorded = { result: value };
      // createdAt as Prisma's @default(now()) sets it on a create: the process's clock.
      return Prisma.sql`INSERT INTO "IdempotencyRecord" (key, "userId", operation, "requestHash", result, "createdAt")
        VALUES (${key}, ${call.userId}::uuid, ${call.operation}, ${hashRequest(call.request)}, ${JSON.stringify(codec.encode(value))}::jsonb,
                ${new Date().toISOString()}::timestamptz)`;
    },
  };
  const result = await fn(parts);
  if (!asked.lock || !asked.stored || asked.replay === undefined) throw new Error(`${call.operation} did not take its idempotency key's lock and read its record`);
  if (asked.replay && asked.replay.result === result) return { result, replayed: true };
  if (asked.replay || asked.recorded?.result !== result) throw new Error(`${call.operation} returned without writing its idempotency record`);
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
