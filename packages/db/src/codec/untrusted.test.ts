import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { decodeUntrusted, MAX_DEPTH, textProblem } from "./untrusted";

/** What the app's client puts on the wire, read back as the server receives it. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(superjson.serialize(value))) as unknown;

const refused = (payload: unknown) => {
  const decoded = decodeUntrusted(payload);
  if (decoded.ok) throw new Error(`accepted: ${JSON.stringify(payload)}`);
  return decoded.problem;
};

describe("decodeUntrusted", () => {
  it("decodes what the client sends: bigint cents, dates, left-out fields, nested lists", () => {
    const input = {
      amountMinor: 150_000n,
      dueAt: new Date("2026-12-02T18:00:00.000Z"),
      note: undefined,
      milestones: [{ title: "Design", amountMinor: 1n }, { title: "Build\tit\nnow\r\n", amountMinor: -0n }],
      tags: ["a", "b.c", "d\\e"],
      "odd.key": { "x\\y": 5n },
    };
    expect(decodeUntrusted(wire(input))).toEqual({ ok: true, value: input });
    expect(decodeUntrusted(wire(42n))).toEqual({ ok: true, value: 42n });
    expect(decodeUntrusted(wire(undefined))).toEqual({ ok: true, value: undefined });
    expect(decodeUntrusted({ json: { title: "plain" } })).toEqual({ ok: true, value: { title: "plain" } });
  });

  it("keeps text that looks like a typed value as text", () => {
    const input = { title: "42n", when: "2026-12-02T18:00:00.000Z", amount: "$bigint" };
    expect(decodeUntrusted(wire(input))).toEqual({ ok: true, value: input });
  });

  it("round-trips any value made of the types the API takes (property)", () => {
    const text = fc.string({ unit: "grapheme" }).filter((value) => textProblem(value) === null);
    const leaf = fc.oneof(
      text,
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      fc.date({ min: new Date("0001-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const key = text.filter((value) => !["__proto__", "constructor", "prototype"].includes(value));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (input) => {
        expect(decodeUntrusted(wire(input))).toEqual({ ok: true, value: input });
      }),
      { numRuns: 300 },
    );
  });

  it("takes a bigint only as plain decimal digits", () => {
    for (const raw of ["0x10", "0b101", "0o17", " 1000 ", "+1000", "", "1e3", "1.5", "-0", "007", "1_000", "１２", "9".repeat(41)]) {
      const problem = refused({ json: { amountMinor: raw }, meta: { values: { amountMinor: ["bigint"] }, v: 1 } });
      expect(problem).toMatchObject({ kind: "encoding", path: ["amountMinor"] });
      expect(problem.message).toMatch(/^The field "amountMinor" must be a whole number of cents in plain digits/);
    }
    expect(refused({ json: { amountMinor: 16 }, meta: { values: { amountMinor: ["bigint"] }, v: 1 } }).path).toEqual(["amountMinor"]);
  });

  it("takes a date only as an ISO instant that exists", () => {
    for (const raw of ["2026-02-30T00:00:00.000Z", "2026-12-02", "yesterday", "2026-12-02T18:00:00Z", 0]) {
      expect(refused({ json: { at: raw }, meta: { values: { at: ["Date"] }, v: 1 } }).message).toMatch(/^The field "at" must be a date and time/);
    }
  });

  it("refuses every type the API's inputs do not carry, before building anything", () => {
    for (const type of [["custom", "x"], ["class", "Evil"], ["symbol", "s"], ["typed-array", "Uint8Array"], "set", "map", "regexp", "Error", "URL", "number"]) {
      const problem = refused({ json: { email: "x" }, meta: { values: { email: [type] }, v: 1 } });
      expect(problem.kind).toBe("encoding");
      expect(problem.message).toMatch(/uses a type the API does not take/);
    }
    // The attacker's original request: a composite type given as the tree itself.
    expect(refused({ json: { email: "x" }, meta: { values: { email: ["custom", "x"] } } }).kind).toBe("encoding");
    expect(refused({ json: { email: "x" }, meta: { values: { email: ["custom", "x"] }, v: 1 } }).message).toMatch(/not a single type|does not take/);
  });

  it("refuses malformed envelopes and meta paths that point nowhere or at prototypes", () => {
    const cases: unknown[] = [
      null,
      "text",
      [1, 2],
      { json: 1, extra: 2 },
      { json: 1, meta: [] },
      { json: 1, meta: { values: {}, v: 2 } },
      { json: 1, meta: { values: {}, v: "1" } },
      { json: 1, meta: { values: {}, v: 1, other: 1 } },
      { json: 1, meta: { values: 5, v: 1 } },
      { json: { a: "1" }, meta: { values: { b: ["bigint"] }, v: 1 } },
      { json: { a: ["1"] }, meta: { values: { "a.1": ["bigint"] }, v: 1 } },
      { json: { a: ["1"] }, meta: { values: { "a.01": ["bigint"] }, v: 1 } },
      { json: { a: "1" }, meta: { values: { "a\\x": ["bigint"] }, v: 1 } },
      { json: { a: "1" }, meta: { values: { a: ["bigint"], "a.b": ["bigint"] }, v: 1 } },
      { json: { a: "1" }, meta: { values: { "__proto__.polluted": ["undefined"] }, v: 1 } },
      { json: { a: "1" }, meta: { values: { "constructor.prototype": ["undefined"] }, v: 1 } },
      { json: { a: "1" }, meta: { values: { a: ["bigint", { b: ["bigint"] }] }, v: 1 } },
      { json: { a: 1 }, meta: { values: { a: ["undefined"] }, v: 1 } },
    ];
    for (const payload of cases) refused(payload);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a __proto__ key anywhere, naming the field", () => {
    const problem = refused(JSON.parse('{"json":{"title":"x","card":{"__proto__":{"role":"ADMIN"}}}}'));
    expect(problem).toMatchObject({ kind: "field", path: ["card", "__proto__"] });
    expect(problem.message).toBe('The field "card.__proto__" is not a field any input takes. Nothing was changed.');
  });

  it("refuses control characters, direction overrides and broken characters in values and keys, naming the field", () => {
    for (const char of ["\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085"]) {
      const problem = refused({ json: { jobs: [{ title: `a${char}b` }] } });
      expect(problem).toMatchObject({ kind: "text", path: ["jobs", 0, "title"] });
      expect(problem.message).toMatch(/^The field "jobs\[0\]\.title" contains a control character \(U\+00[0-9A-F]{2}\)/);
    }
    for (const char of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(refused({ json: { name: `invoice${char}gnp.exe` } }).message).toMatch(/direction-override character \(U\+20[26][0-9A-F]\)/);
    }
    expect(refused({ json: { name: "half \ud800 pair" } }).message).toMatch(/broken character/);
    expect(refused({ json: { ["bad\u0000key"]: 1 } }).kind).toBe("text");
    // Tab, newline, carriage return and right-to-left text itself are fine.
    expect(decodeUntrusted({ json: { text: "a\tb\nc\r\nשלום مرحبا 😀" } }).ok).toBe(true);
  });

  it("refuses input nested deeper than any input of the API, without recursion", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refused({ json: deep }).message).toMatch(new RegExp(`nested more than ${MAX_DEPTH} levels`));
  });

  it("never throws, whatever it is given (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (json, meta) => {
        expect(() => decodeUntrusted({ json, meta })).not.toThrow();
        expect(() => decodeUntrusted({ json, meta: { values: meta, v: 1 } })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
