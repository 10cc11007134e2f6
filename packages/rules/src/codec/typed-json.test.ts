import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utc } from "../test-utils";
import { legacyRequestText, legacyTagged, reviveLegacyResult, reviveLegacyTagged } from "./legacy";
import { canonicalText, decodeTyped, encodeTyped, isTypedJson, typedColumn, TypedJsonError } from "./typed-json";

/** What a JSON column gives back: the encoding through JSON text. */
const throughColumn = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the typed encoding", () => {
  it("round-trips bigints, dates and undefined, and keeps look-alike text as text", () => {
    const value = { title: "42n", due: "2026-12-02T18:00:00.000Z", tag: { $bigint: "5" }, amountMinor: 4200n, at: utc("2026-12-02T18:00:00.000Z"), gone: undefined, list: [1n, null, undefined] };
    expect(decodeTyped(throughColumn(typedColumn(value)))).toEqual(value);
    expect(typedColumn(1)).toEqual({ json: 1 });
  });

  it("round-trips any plain value exactly (property)", () => {
    const leaf = fc.oneof(fc.string(), fc.bigInt(), fc.date({ noInvalidDate: true }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const key = fc.string().filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(value, (item) => void expect(decodeTyped(throughColumn(encodeTyped(item)))).toEqual(item)), { numRuns: 300 });
  });

  it("refuses to write what it could not read back as written", () => {
    class Money {}
    for (const bad of [new Map(), new Set([1]), /x/, new Money(), new Error("x"), () => 1, Symbol("s"), { at: new Date(Number.NaN) }]) {
      expect(() => encodeTyped({ nested: [bad] })).toThrow(TypedJsonError);
    }
    expect(() => encodeTyped({ a: new Map() })).toThrow('not a Map (at "a")');
    expect(() => encodeTyped(Symbol("s"))).toThrow("cannot store a symbol (at the value)");
    expect(() => encodeTyped(Object.create(Object.create(null) as object) as object)).toThrow("not a object");
    expect(encodeTyped(Object.create(null) as object)).toEqual({ json: {} });
  });

  it("refuses to read what it did not write", () => {
    expect(() => decodeTyped({ amountMinor: { $bigint: "1" } })).toThrow("not typed JSON");
    expect(() => decodeTyped({ json: { a: "x" }, meta: { values: { a: ["custom", "Money"] } } })).toThrow(TypedJsonError);
    expect(() => decodeTyped({ json: [[1, 2]], meta: { values: { "0": ["map"] } } })).toThrow("names a type it may not hold");
    expect(() => decodeTyped({ json: "x", meta: { values: ["symbol"] } })).toThrow(TypedJsonError);
    expect(() => decodeTyped({ json: "x", meta: { values: "bigint" } })).toThrow("malformed meta values");
    expect(decodeTyped({ json: "5", meta: { values: ["bigint"] } })).toBe(5n);
    expect(decodeTyped({ json: { n: "NaN" }, meta: { values: { n: ["number"] } } })).toEqual({ n: Number.NaN });
  });

  it("tells typed JSON from other stored JSON", () => {
    expect(isTypedJson({ json: 1 })).toBe(true);
    expect(isTypedJson({ json: 1, meta: {} })).toBe(true);
    for (const other of [null, 1, [], { $bigint: "1" }, { json: 1, extra: 2 }, { meta: {} }]) expect(isTypedJson(other)).toBe(false);
  });
});

describe("canonicalText", () => {
  it("is the same for the same value, whatever the key order, undefined fields or shared objects", () => {
    const at = utc("2024-01-01");
    const a = canonicalText({ b: 1n, a: { d: at, e: at, c: [1, undefined] }, skip: undefined });
    const b = canonicalText({ a: { c: [1, undefined], e: utc("2024-01-01"), d: utc("2024-01-01") }, b: 1n });
    expect(a).toBe(b);
    expect(a).toBe('{"json":{"a":{"c":[1,null],"d":"2024-01-01T00:00:00.000Z","e":"2024-01-01T00:00:00.000Z"},"b":"1"},"values":{"a.c.1":["undefined"],"a.d":["Date"],"a.e":["Date"],"b":["bigint"]}}');
    expect(canonicalText(null)).toBe('{"json":null}');
    expect(canonicalText(undefined)).toBe('{"json":null,"values":["undefined"]}');
  });

  it("tells apart values the legacy text confused", () => {
    expect(canonicalText({ amountMinor: 1n })).not.toBe(canonicalText({ amountMinor: 2n }));
    expect(canonicalText({ title: "42n" })).not.toBe(canonicalText({ title: 42n }));
    expect(legacyRequestText({ title: "42n" })).toBe(legacyRequestText({ title: 42n }));
    expect(canonicalText({ at: "2024-01-01T00:00:00.000Z" })).not.toBe(canonicalText({ at: utc("2024-01-01") }));
  });
});

describe("legacy readers (rows from before the typed encoding)", () => {
  it("rebuild the request text of unversioned idempotency hashes, unchanged", () => {
    expect(legacyRequestText({ b: 1n, A: { d: utc("2024-01-01"), c: [1, undefined] }, skip: undefined })).toBe('{"A":{"c":[1,null],"d":"2024-01-01T00:00:00.000Z"},"b":"1n"}');
    expect(legacyRequestText({ after: legacyTagged({ priceMinor: 5n, at: utc("2024-01-01") }) })).toBe('{"after":{"at":"2024-01-01T00:00:00.000Z","priceMinor":{"$bigint":"5"}}}');
  });

  it("read {$bigint} tags, and only idempotent results guess dates", () => {
    const stored = { amountMinor: { $bigint: "150" }, at: "2026-12-02T18:00:00.000Z", odd: { $bigint: "1.5" }, ids: ["a"] };
    expect(reviveLegacyTagged(stored)).toEqual({ amountMinor: 150n, at: "2026-12-02T18:00:00.000Z", odd: { $bigint: "1.5" }, ids: ["a"] });
    expect(reviveLegacyResult(stored)).toEqual({ amountMinor: 150n, at: utc("2026-12-02T18:00:00.000Z"), odd: { $bigint: "1.5" }, ids: ["a"] });
    expect(legacyTagged([1n, null, "x"])).toEqual([{ $bigint: "1" }, null, "x"]);
  });
});
