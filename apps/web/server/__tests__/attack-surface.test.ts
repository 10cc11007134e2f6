import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { z } from "zod";
import { describePath } from "@fairlance/db";
import { freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { JOB } from "./marketplace-fixtures";
import { createTrpcHandler, UNCOMPRESSED_BELOW_BYTES } from "@/server/http";
import { appRouter } from "@/server/root";
import { BASE_URL, changesNothing, encode, expectRefusedWith, httpApi, Typed, type Reply } from "./bad-input-kit";
import { buildWorld, NOW, type World } from "./bad-input-world";

/**
 * What an outside attacker found over HTTP (issue: attack surface, round two), each kept here so
 * it cannot come back: the superjson stack overflow before sign-in, NUL and other controls in
 * any text, hex amounts, replays of text that looks like a typed value, `__proto__`, a forged
 * X-Forwarded-Host, and answers a cache could keep.
 */

let db: TestDatabase;
let w: World;
let api: ReturnType<typeof httpApi>;
const clock = { now: NOW };

beforeAll(async () => {
  db = await freshDatabase();
  w = await buildWorld(db.prisma);
  api = httpApi(db.prisma, clock);
}, 120_000);
afterAll(() => db.drop());

const refused = expectRefusedWith;

/** Server CPU (user + system, µs) spent answering `count` copies of a request. */
async function cpuOf(count: number, send: () => Promise<Reply>, expectStatus: number) {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const reply = await send();
    if (reply.status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${reply.status}: ${reply.text.slice(0, 200)}`);
  }
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

describe("superjson types the API does not take, before sign-in", () => {
  const attack = (type: unknown) => `{"json":{"email":"x"},"meta":{"values":{"email":${JSON.stringify(type)}}}}`;
  const ATTACKS = [["custom", "x"], ["class", "x"], ["symbol", "x"], [["custom", "x"]], [["class", "Object"]], ["set"], ["map"], ["regexp"], ["Error"]];

  it("are refused with a 400 that names no internals, and change nothing", async () => {
    await changesNothing(db.prisma, "superjson types", async () => {
      for (const type of ATTACKS) {
        const reply = await api.send(null, "auth.signUp", undefined, { body: attack(type) });
        refused(reply, 400, /type the API does not take|not a single type/, `type ${JSON.stringify(type)}`);
        expect(reply.text).not.toMatch(/stack|RangeError|Maximum call|superjson\.|TypeError|at \w+ \(/i);
      }
    });
  });

  it("cost about what a plain 400 costs (CPU ratio, printed)", async () => {
    const plain = () => api.send(null, "auth.signUp", { email: "not an email", name: "Ann", password: "correct horse battery", role: "CLIENT" });
    const hostile = () => api.send(null, "auth.signUp", undefined, { body: attack(["custom", "x"]) });
    await cpuOf(20, plain, 400); // warm-up: module loading, JIT
    await cpuOf(20, hostile, 400);
    const rounds = 200;
    const plainCpu = await cpuOf(rounds, plain, 400);
    const hostileCpu = await cpuOf(rounds, hostile, 400);
    const ratio = hostileCpu / plainCpu;
    console.info(`refused superjson type: ${(hostileCpu / rounds / 1000).toFixed(2)} ms CPU each; plain 400: ${(plainCpu / rounds / 1000).toFixed(2)} ms; ratio ${ratio.toFixed(2)}`);
    // The overflow cost 40–80× a plain 400; a refusal at the edge costs less than one.
    expect(ratio).toBeLessThan(3);
  });
});

// ---------------------------------------------------------------------------------------------
// One rule for all text: every text field of every procedure refuses NUL, other controls and
// direction overrides with a 400 naming the field, whoever calls (the edge checks the form of a
// request before anything reads it).

type Schema = z.core.$ZodType;
const defOf = (schema: Schema) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

function unwrap(schema: Schema): Schema {
  for (;;) {
    const def = defOf(schema);
    if (WRAPPERS.has(def.type)) schema = def.innerType as Schema;
    else if (def.type === "pipe") schema = def.in as Schema;
    else return schema;
  }
}

/** Paths of every text field of an input schema (objects, the first item of lists, each union option). */
function textFields(schema: Schema, at: (string | number)[] = []): (string | number)[][] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "string") return [at];
  if (def.type === "object") return Object.entries(def.shape as Record<string, Schema>).flatMap(([name, child]) => textFields(child, [...at, name]));
  if (def.type === "array") return textFields(def.element as Schema, [...at, 0]);
  if (def.type === "union") return (def.options as Schema[]).flatMap((option) => textFields(option, at));
  return [];
}

/** An input holding `value` at `path` and nothing else. */
function inputAt(path: (string | number)[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, segment) => (typeof segment === "number" ? [inner] : { [segment]: inner }), value);
}

/** "milestones[0].title", as the edge's sentences name a field. */
const fieldName = (path: (string | number)[]) => describePath(path).replace(/^The field "(.*)"$/, "$1");

describe("text a person could not mean", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>);
  const withText = procedures.flatMap(([path, procedure]) => {
    const schema = procedure._def.inputs[0] as Schema | undefined;
    const fields = schema ? [...new Map(textFields(schema).map((field) => [fieldName(field), field])).values()] : [];
    return fields.map((field) => ({ path, type: procedure._def.type, field }));
  });

  it("covers every text field of every procedure (sign-up and search among them)", () => {
    const paths = new Set(withText.map((each) => each.path));
    console.info(`text rule: ${withText.length} text fields in ${paths.size} procedures`);
    expect(paths).toContain("auth.signUp");
    expect(paths).toContain("job.search");
    expect(paths.size).toBeGreaterThanOrEqual(40);
  });

  for (const [name, text, message] of [
    ["NUL", "a\u0000b", /contains a control character \(U\+0000\)/],
    ["ESC", "a\u001b[2Jb", /contains a control character \(U\+001B\)/],
    ["a right-to-left override", "invoice\u202egnp.exe", /direction-override character \(U\+202E\)/],
    ["a lone surrogate", "a\udc00b", /broken character/],
  ] as const) {
    it(`${name} in any of them is a 400 naming the field, for anyone`, async () => {
      const problems: string[] = [];
      await changesNothing(db.prisma, name, async () => {
        for (const { path, type, field } of withText) {
          const input = inputAt(field, text);
          const reply = await api.send(null, path, input, { method: type === "query" ? "GET" : "POST" });
          const context = `${path} ${fieldName(field)}`;
          try {
            refused(reply, 400, message, context);
            expect(reply.error?.message, context).toContain(describePath(field));
            expect(Object.keys(reply.error?.fieldErrors ?? {}), context).toContain(String(field[0]));
          } catch (error) {
            problems.push((error as Error).message.split("\n")[0]!);
          }
        }
      });
      expect(problems).toEqual([]);
    });
  }

  it("tab, newline and right-to-left text itself are taken", async () => {
    const reply = await api.send(api.signIn(w.people.client), "job.post", {
      ...JOB,
      title: "Landing page: עברית and العربية welcome",
      description: "Line one\r\nLine two\tand a tab, with enough words to be a description of the work.",
      idempotencyKey: key(),
      publish: false,
    });
    expect(reply.status, reply.text).toBe(200);
  });
});

describe("amounts on the wire", () => {
  it("are plain decimal digits: a bonus of 0x10 is refused and nothing is charged", async () => {
    const asClient = api.signIn(w.people.client);
    await changesNothing(db.prisma, "hex bonus", async () => {
      for (const raw of ["0x10", "0b10000", "0o20", " 1000 ", "+1000", "", "1e3"]) {
        const reply = await api.send(asClient, "contract.payBonus", { idempotencyKey: key(), contractId: w.contracts.fixed, amountMinor: new Typed(raw, "bigint"), note: "Thanks" });
        refused(reply, 400, /^The field "amountMinor" must be a whole number of cents in plain digits/, `bonus ${JSON.stringify(raw)}`);
        expect(reply.error?.fieldErrors).toHaveProperty("amountMinor");
      }
    });
  });
});

describe("idempotent replays", () => {
  it("give back exactly the first answer when a title looks like a bigint or a date", async () => {
    const asClient = api.signIn(w.people.client);
    for (const title of ["42n", "2026-12-02T18:00:00.000Z", "-7n", '{"$bigint":"5"}']) {
      const input = { idempotencyKey: key(), contractId: w.contracts.fixed, milestone: { title, amountMinor: 1_000n } };
      const first = await api.send(asClient, "milestone.add", input);
      expect(first.status, first.text).toBe(200);
      const replay = await api.send(asClient, "milestone.add", input);
      expect(replay.status, `${title}: ${replay.text}`).toBe(200);
      expect(replay.data).toEqual(first.data);
      expect(JSON.stringify(replay.data, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n!` : v))).toContain(JSON.stringify(title).slice(1, -1));
    }
  });
});

describe("__proto__", () => {
  it("is an undeclared field like any other, at the top or nested, and changes nothing", async () => {
    const asFreelancer = api.signIn(w.people.freelancer);
    await changesNothing(db.prisma, "__proto__", async () => {
      const top = `{"json":{"__proto__":{"role":"ADMIN"},"kind":"PAYPAL","account":"fran@paypal.test","label":"PayPal"}}`;
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: top }), 400, 'The field "__proto__" is not a field any input takes. Nothing was changed.', "top");
      const nested = `{"json":{"idempotencyKey":"${key()}","contractId":"${w.contracts.fixed}","milestone":{"title":"x","amountMinor":"1000","__proto__":{"status":"APPROVED"}}},"meta":{"values":{"milestone.amountMinor":["bigint"]},"v":1}}`;
      refused(await api.send(api.signIn(w.people.client), "milestone.add", undefined, { body: nested }), 400, /"milestone.__proto__" is not a field any input takes/, "nested");
      const role = `{"json":{"role":"ADMIN","idempotencyKey":"${key()}","kind":"PAYPAL","account":"fran@paypal.test","label":"PayPal"}}`;
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: role }), 400, '"role" is not a field you can set. Nothing was changed.', "role, for comparison");
    });
  });
});

describe("the cross-site check", () => {
  const job = () => ({ ...JOB, title: "Cross-site", idempotencyKey: key(), publish: true });
  const post = (handler: (req: Request) => Promise<Response>, url: string, headers: Record<string, string>) =>
    handler(new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: encode(job()) }));

  it("does not believe a client's X-Forwarded-Host or Host over the configured public URL", async () => {
    const asClient = api.signIn(w.people.client);
    await changesNothing(db.prisma, "forwarded host", async () => {
      const forgeries: Record<string, string>[] = [
        { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
        { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
        { origin: "http://evil.example", forwarded: "host=evil.example" },
      ];
      for (const headers of forgeries) {
        const reply = await api.send(asClient, "job.post", job(), { headers });
        refused(reply, 403, `Cross-site requests are refused: this marketplace is served at ${BASE_URL}; use it from there.`, JSON.stringify(headers));
      }
      // A request sent to another Host, from that host, is still not from the configured site.
      const response = await post(api.handler, "http://evil.example/api/trpc/job.post", { origin: "http://evil.example", cookie: asClient });
      expect(response.status).toBe(403);
    });
  });

  it("believes forwarded host and scheme only behind a trusted proxy", async () => {
    const sessions = { resolveSession: async () => ({ user: w.people.client, expires: new Date(Date.now() + 3_600_000).toISOString() }), getPrisma: () => db.prisma, now: async () => clock.now };
    const behindProxy = createTrpcHandler({ ...sessions, publicUrl: null, trustedProxyHops: 1 });
    const direct = createTrpcHandler({ ...sessions, publicUrl: null, trustedProxyHops: 0 });
    const viaProxy = { origin: "https://shop.example", "x-forwarded-host": "shop.example", "x-forwarded-proto": "https" };
    expect((await post(behindProxy, "http://10.0.0.5:3000/api/trpc/job.post", viaProxy)).status).toBe(200);
    expect((await post(direct, "http://10.0.0.5:3000/api/trpc/job.post", viaProxy)).status).toBe(403);
    // A client's own entry left of the proxy's is not believed either.
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example, shop.example", "x-forwarded-proto": "https" };
    expect((await post(behindProxy, "http://10.0.0.5:3000/api/trpc/job.post", forged)).status).toBe(403);
    // Without a configured URL or a proxy, the host the request was sent to is the site.
    expect((await post(direct, "http://shop.example/api/trpc/job.post", { origin: "http://shop.example" })).status).toBe(200);
  });
});

describe("caching", () => {
  it("every API answer says no-store: signed in or not, read or write, success or refusal", async () => {
    const asFreelancer = api.signIn(w.people.freelancer);
    const replies = [
      await api.send(asFreelancer, "earnings.get", undefined, { method: "GET" }),
      await api.send(asFreelancer, "payout.addMethod", { idempotencyKey: key(), kind: "PAYPAL", account: "fran@paypal.test", label: "Spare" }),
      await api.send(asFreelancer, "payout.withdraw", { junk: 1 }),
      await api.send(null, "clock.get", undefined, { method: "GET" }),
      await api.send(null, "earnings.get", undefined, { method: "GET" }),
      await api.send(asFreelancer, "nope.nothing"),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 400, 200, 401, 404]);
    for (const reply of replies) expect(reply.headers.get("cache-control")).toMatch(/^no-store(, no-transform)?$/);
  });

  it("a small JSON answer says no-transform, so the server does not gzip it; a large one may be compressed", async () => {
    const asFreelancer = api.signIn(w.people.freelancer);
    const replies = [
      await api.send(asFreelancer, "earnings.get", undefined, { method: "GET" }),
      await api.send(asFreelancer, "payout.withdraw", { junk: 1 }),
      await api.send(null, "earnings.get", undefined, { method: "GET" }),
      await api.send(asFreelancer, "nope.nothing"),
      await api.send(asFreelancer, "job.search", { page: 1 }, { method: "GET" }),
    ];
    const small = replies.filter((reply) => Buffer.byteLength(reply.text) < UNCOMPRESSED_BELOW_BYTES);
    const large = replies.filter((reply) => Buffer.byteLength(reply.text) >= UNCOMPRESSED_BELOW_BYTES);
    expect(small.length).toBeGreaterThan(0);
    expect(large.length).toBeGreaterThan(0);
    for (const reply of small) expect(reply.headers.get("cache-control")).toBe("no-store, no-transform");
    for (const reply of large) expect(reply.headers.get("cache-control")).toBe("no-store");
  });
});
