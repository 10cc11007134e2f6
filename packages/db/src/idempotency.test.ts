import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRequest, idempotent, idempotentInline, jsonCodec, requestDigest, sameRequest, type IdempotentCall, type StoredRecord } from "./idempotency";
import { freshDatabase, type TestDatabase } from "./testing";
import { runTransaction } from "./transaction";

/** What a JSON column gives back: the encoding through JSON text. */
const throughColumn = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const request = { milestoneId: "m-1", amountMinor: 150000n, note: "Thanks", dueAt: new Date("2026-12-02T18:00:00.000Z"), skip: undefined };
/** sha256 of `request` as the hash was taken before the typed encoding (computed with that code, kept here as data). */
const LEGACY_HASH = "169a62e73abb70c608b0ef346aab6fd54e3087abaec6e31b708fbcb6256c3283";

describe("jsonCodec (stored idempotent results)", () => {
  const codec = jsonCodec<unknown>();

  it("gives back text that looks like a bigint or a date as text", () => {
    const result = { title: "42n", dueLabel: "2026-12-02T18:00:00.000Z", tag: { $bigint: "5" }, amountMinor: 4200n, at: new Date("2026-12-02T18:00:00.000Z") };
    expect(codec.decode(throughColumn(codec.encode(result)))).toEqual(result);
  });

  it("round-trips any result exactly (property)", () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.bigInt(),
      fc.date({ noInvalidDate: true }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.string().filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (result) => {
        expect(codec.decode(throughColumn(codec.encode(result)))).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it("still reads results stored by the earlier encoding", () => {
    expect(codec.decode({ amountMinor: { $bigint: "150" }, at: "2026-12-02T18:00:00.000Z", ids: ["a"] })).toEqual({
      amountMinor: 150n,
      at: new Date("2026-12-02T18:00:00.000Z"),
      ids: ["a"],
    });
  });

  it("refuses to store what it could not give back, and a stored type it did not write", () => {
    expect(() => codec.encode({ seen: new Set(["a"]) })).toThrow("not a Set");
    expect(() => codec.decode({ json: {}, meta: { values: { x: ["class", "Money"] } } })).toThrow("names a type it may not hold");
  });
});

describe("request hashes", () => {
  it("are tagged v2 and taken of the typed encoding's canonical text", () => {
    expect(hashRequest(request)).toBe(`v2:${requestDigest(request)}`);
    expect(hashRequest({ ...request, skip: undefined })).toBe(hashRequest({ note: "Thanks", dueAt: new Date("2026-12-02T18:00:00.000Z"), amountMinor: 150000n, milestoneId: "m-1" }));
    // The legacy text confused these; the typed encoding does not.
    expect(hashRequest({ title: "42n" })).not.toBe(hashRequest({ title: 42n }));
    expect(hashRequest({ at: "2026-12-02T18:00:00.000Z" })).not.toBe(hashRequest({ at: new Date("2026-12-02T18:00:00.000Z") }));
  });

  it("compare a stored untagged hash with the legacy request text, a v2 hash with the typed one", () => {
    expect(sameRequest(LEGACY_HASH, { request })).toBe(true);
    expect(sameRequest(LEGACY_HASH, { request: { ...request, amountMinor: 150001n } })).toBe(false);
    expect(sameRequest(hashRequest(request), { request })).toBe(true);
    expect(sameRequest(hashRequest(request), { request: { ...request, note: "Thank you" } })).toBe(false);
    // A v2 hash is never read as a legacy one, nor the reverse.
    expect(sameRequest(requestDigest(request), { request })).toBe(false);
    expect(sameRequest(`v2:${LEGACY_HASH}`, { request })).toBe(false);
    expect(sameRequest(LEGACY_HASH, { request: { other: true }, legacyRequest: request })).toBe(true);
  });
});

describe("idempotent() with records of both encodings", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const run = (call: IdempotentCall, fn: () => Promise<unknown>) => runTransaction(db.prisma, (tx) => idempotent(tx, call, fn, jsonCodec<unknown>()));
  const never = () => Promise.reject(new Error("a replay must not run the operation again"));

  it("a record stored before the typed encoding still replays, and still refuses another request", async () => {
    const call: IdempotentCall = { operation: "test.legacy", userId: null, key: "legacy-key-1", request };
    await db.prisma.idempotencyRecord.create({
      data: { key: "test.legacy:system:legacy-key-1", operation: "test.legacy", requestHash: LEGACY_HASH, result: { paymentId: "p-1", amountMinor: { $bigint: "150000" }, releasedAt: "2026-12-02T18:00:00.000Z" } },
    });
    expect(await run(call, never)).toEqual({ result: { paymentId: "p-1", amountMinor: 150000n, releasedAt: new Date("2026-12-02T18:00:00.000Z") }, replayed: true });
    await expect(run({ ...call, request: { ...request, amountMinor: 1n } }, never)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("a new record is stored tagged and typed, and round-trips bigints, dates and look-alike text", async () => {
    const call: IdempotentCall = { operation: "test.typed", userId: null, key: "typed-key-1", request };
    const result = { amountMinor: 150000n, at: new Date("2026-12-02T18:00:00.000Z"), title: "42n", label: "2026-12-02T18:00:00.000Z" };
    expect(await run(call, () => Promise.resolve(result))).toEqual({ result, replayed: false });
    const stored = await db.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: "test.typed:system:typed-key-1" } });
    expect(stored.requestHash).toBe(hashRequest(request));
    expect(stored.result).toMatchObject({ json: { amountMinor: "150000", title: "42n" }, meta: { values: { amountMinor: ["bigint"], at: ["Date"] } } });
    expect(await run({ ...call, request: { ...request } }, never)).toEqual({ result, replayed: true });
    await expect(run({ ...call, request: { ...request, note: "Other" } }, never)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
  it("idempotentInline writes the same record as idempotent in the caller's statements, replays it, and refuses an fn that skipped a part", async () => {
    const result = { amountMinor: 150000n, at: new Date("2026-12-02T18:00:00.000Z"), title: "42n" };
    type Steps = { lock?: boolean; read?: boolean; decide?: boolean; write?: boolean; hold?: number };
    let runs = 0;
    /** An operation as submitProposal writes one: the lock, then the read, then (unless replayed) the write. */
    const inline = (call: IdempotentCall, steps: Steps = {}) =>
      runTransaction(db.prisma, (tx) =>
        idempotentInline(
          call,
          async (key) => {
            if (steps.lock !== false) await tx.$queryRaw`SELECT ${key.lock}::text AS locked`;
            if (steps.read !== false) {
              const [row] = await tx.$queryRaw<{ stored: StoredRecord | null }[]>`SELECT ${key.stored} AS stored`;
              if (steps.decide !== false) {
                const replay = key.replay(row!.stored);
                if (replay) return replay.result;
              }
            }
            runs++;
            if (steps.hold) await new Promise((resolve) => setTimeout(resolve, steps.hold));
            if (steps.write !== false) await tx.$executeRaw`WITH record AS (${key.record(result)}) SELECT 1`;
            return result;
          },
          jsonCodec<unknown>(),
        ),
      );
    const call: IdempotentCall = { operation: "test.inline", userId: null, key: "inline-key-1", request };
    const stored = (key: string) => db.prisma.idempotencyRecord.count({ where: { key: `test.inline:system:${key}` } });
    // An fn that skipped a part is an error, and nothing it wrote is kept.
    expect(await inline(call, { write: false }).catch((error: unknown) => error)).toMatchObject({ message: "test.inline returned without writing its idempotency record" });
    expect(await inline(call, { lock: false }).catch((error: unknown) => error)).toMatchObject({ message: "test.inline did not take its idempotency key's lock and read its record" });
    expect(await inline(call, { read: false }).catch((error: unknown) => error)).toMatchObject({ message: "test.inline did not take its idempotency key's lock and read its record" });
    expect(await inline(call, { decide: false }).catch((error: unknown) => error)).toMatchObject({ message: "test.inline did not take its idempotency key's lock and read its record" });
    expect(await stored("inline-key-1")).toBe(0);

    runs = 0;
    expect(await inline(call)).toEqual({ result, replayed: false });
    expect(runs).toBe(1);
    await runTransaction(db.prisma, (tx) => idempotent(tx, { ...call, key: "inline-key-2" }, () => Promise.resolve(result), jsonCodec<unknown>()));
    const [inlineRow, plainRow] = await Promise.all(
      ["inline-key-1", "inline-key-2"].map((key) => db.prisma.idempotencyRecord.findUniqueOrThrow({ where: { key: `test.inline:system:${key}` } })),
    );
    expect({ ...inlineRow, key: null, createdAt: null }).toEqual({ ...plainRow, key: null, createdAt: null });
    expect(await inline({ ...call })).toEqual({ result, replayed: true });
    expect(runs).toBe(1);
    await expect(inline({ ...call, request: { ...request, note: "Other" } })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });

    // Calls arriving together with one key: one runs (holding the lock a while), the others wait for it and replay what it stored.
    runs = 0;
    const together = await Promise.all([0, 1, 2, 3].map(() => inline({ ...call, key: "inline-key-3" }, { hold: 50 })));
    expect(runs).toBe(1);
    expect(together.filter((each) => each.replayed)).toHaveLength(3);
    for (const each of together) expect(each.result).toEqual(result);
    expect(await stored("inline-key-3")).toBe(1);
  });
});
