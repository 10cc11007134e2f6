import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@fairlance/db";
import { freshDatabase, key, makeUser, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { createTrpcHandler, MAX_BATCH_CALLS, MAX_BODY_BYTES } from "@/server/http";
import { BASE_URL, changesNothing, encode, expectRefusedWith, httpApi } from "./bad-input-kit";
import { days, T0 } from "./money-helpers";

let db: TestDatabase;
let api: ReturnType<typeof httpApi>;
let freelancer: TestUser;
let asFreelancer: string;
const clock = { now: days(1) };

beforeAll(async () => {
  db = await freshDatabase();
  api = httpApi(db.prisma, clock);
  freelancer = await makeUser(db.prisma, "FREELANCER");
  asFreelancer = api.signIn(freelancer);
});
afterAll(() => db.drop());

/** A payout method to add: a new request (its own key) each time. */
const method = () => ({ idempotencyKey: key(), kind: "PAYPAL", account: "fran@paypal.test", label: "PayPal" }) as const;
const withdraw = () => ({ idempotencyKey: key(), payoutMethodId: "00000000-0000-4000-8000-000000000000", amountMinor: 1_000n });
const refused = expectRefusedWith;

describe("what the endpoint accepts", () => {
  it("serves the app's own requests: same-origin JSON posts, batches, GET queries, and non-browser posts without Origin", async () => {
    const added = await api.send(asFreelancer, "payout.addMethod", method());
    expect(added.status, added.text).toBe(200);
    expect(added.data).toMatchObject({ kind: "PAYPAL", usableFrom: days(4) });

    // httpBatchLink: `?batch=1`, inputs keyed by index, an array back.
    const batch = await api.send(asFreelancer, "payout.addMethod,payout.addMethod", undefined, {
      query: "batch=1",
      body: JSON.stringify({ 0: JSON.parse(encode(method())), 1: JSON.parse(encode({ ...method(), label: "Second" })) }),
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(batch.status, batch.text).toBe(200);
    expect(JSON.parse(batch.text)).toHaveLength(2);

    const overview = await api.send(asFreelancer, "payout.overview", undefined, { method: "GET" });
    expect(overview.status, overview.text).toBe(200);
    expect((overview.data as { methods: unknown[] }).methods).toHaveLength(3);

    const noOrigin = await api.send(asFreelancer, "payout.addMethod", method(), { headers: { origin: "" } });
    expect(noOrigin.status, noOrigin.text).toBe(200);
    // A Host header alone does not make another origin this site's: the configured public URL does
    // (behind proxies, FAIRLANCE_TRUST_PROXY; see attack-surface.test.ts).
    const otherHost = await api.send(asFreelancer, "payout.addMethod", method(), { headers: { origin: "https://www.fairlance.example", host: "www.fairlance.example" } });
    expect(otherHost.status, otherHost.text).toBe(403);
  });

  it("answers a person who is not signed in with 401", async () => {
    await changesNothing(db.prisma, "anonymous", async () => {
      refused(await api.send(null, "payout.withdraw", withdraw()), 401, "Sign in to continue.", "anonymous withdraw");
    });
  });
});

describe("requests refused before any procedure runs, each with a 4xx and a sentence, changing nothing", () => {
  it("GET to a mutation is 405 (also in a batch); POST to a query is 405; other methods are 405 with Allow", async () => {
    await changesNothing(db.prisma, "methods", async () => {
      const get = await api.send(asFreelancer, "payout.withdraw", withdraw(), { method: "GET" });
      refused(get, 405, '"payout.withdraw" changes data, so it only accepts POST requests.', "GET mutation");
      expect(get.headers.get("allow")).toBe("POST");
      const batch = await api.send(asFreelancer, "payout.overview,payout.withdraw", undefined, { method: "GET", query: `batch=1&input=${encodeURIComponent(JSON.stringify({ 1: JSON.parse(encode(withdraw())) }))}` });
      refused(batch, 405, /"payout\.withdraw" changes data/, "GET batch with a mutation");
      expect(JSON.parse(batch.text)).toHaveLength(2);

      refused(await api.send(asFreelancer, "payout.overview", {}), 405, '"payout.overview" only reads data, so it only accepts GET requests.', "POST query");
      for (const verb of ["PUT", "PATCH", "DELETE"]) {
        const reply = await api.send(asFreelancer, "payout.withdraw", withdraw(), { method: verb });
        refused(reply, 405, `The API takes GET to read and POST to change data, not ${verb}.`, verb);
        expect(reply.headers.get("allow")).toBe("GET, POST");
      }
    });
  });

  it("a batch of more calls than the cap is 413 and runs none of them", async () => {
    const calls = MAX_BATCH_CALLS + 1;
    await changesNothing(db.prisma, "oversized batch", async () => {
      const reply = await api.send(asFreelancer, Array(calls).fill("payout.addMethod").join(","), undefined, {
        query: "batch=1",
        body: JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, JSON.parse(encode(method()))]))),
      });
      expect(reply.status, reply.text).toBe(413);
      expect(reply.text).toContain(`One request may batch at most ${MAX_BATCH_CALLS} calls; this one has ${calls}.`);
    });
  });

  it("an unknown procedure is 404", async () => {
    refused(await api.send(asFreelancer, "payout.steal", {}), 404, 'There is no API procedure called "payout.steal".', "unknown path");
    refused(await api.send(asFreelancer, "__proto__", {}), 404, /no API procedure called "__proto__"/, "prototype path");
    refused(await api.send(asFreelancer, "x".repeat(5_000), {}), 404, /no API procedure called "x+…"\./, "a long path is quoted short");
    refused(await api.send(asFreelancer, "payout.overview,nope", undefined, { method: "GET", query: "batch=1" }), 404, /"nope"/, "unknown in a batch");
  });

  it("cross-site posts are 403: another Origin, a null Origin, another port, or Sec-Fetch-Site: cross-site", async () => {
    await changesNothing(db.prisma, "cross-site", async () => {
      const origins = ["https://evil.example", "null", "http://fairlance.test:8080", "https://fairlance.test.evil.example", "file://", "not a url"];
      for (const origin of origins) {
        refused(await api.send(asFreelancer, "payout.addMethod", method(), { headers: { origin } }), 403, /^Cross-site requests are refused/, `Origin ${origin}`);
      }
      const fetchSite = await api.send(asFreelancer, "payout.addMethod", method(), { headers: { "sec-fetch-site": "cross-site" } });
      refused(fetchSite, 403, "Cross-site requests are refused.", "Sec-Fetch-Site");
      const noOriginButCrossSite = await api.send(asFreelancer, "payout.addMethod", method(), { headers: { origin: "", "sec-fetch-site": "cross-site" } });
      refused(noOriginButCrossSite, 403, "Cross-site requests are refused.", "Sec-Fetch-Site without Origin");
    });
  });

  it("form posts and other bodies that are not JSON are 415", async () => {
    await changesNothing(db.prisma, "form posts", async () => {
      const form = new FormData();
      form.set("kind", "PAYPAL");
      form.set("account", "x@paypal.test");
      form.set("label", "Form");
      const multipart = await api.send(asFreelancer, "payout.addMethod", undefined, { body: form, headers: { "content-type": "" } });
      refused(multipart, 415, "The API accepts JSON only: send the body as application/json, not multipart/form-data.", "multipart");
      const bodies: [string, string][] = [
        ["application/x-www-form-urlencoded", "kind=PAYPAL&account=x%40paypal.test&label=Form"],
        ["text/plain", encode(method())],
        ["text/plain;charset=UTF-8", encode(method())],
        ["application/octet-stream", encode(method())],
        ["application/jsonx", encode(method())],
      ];
      for (const [type, body] of bodies) {
        refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body, headers: { "content-type": type } }), 415, `The API accepts JSON only: send the body as application/json, not ${type.split(";")[0]}.`, type);
      }
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: new TextEncoder().encode(encode(method())), headers: { "content-type": "" } }), 415, "The API accepts JSON only: send the body as application/json.", "no type");
    });
    // Media types are case-insensitive and may carry a charset.
    const upper = await api.send(asFreelancer, "payout.addMethod", undefined, { body: encode(method()), headers: { "content-type": "Application/JSON; charset=utf-8" } });
    expect(upper.status, upper.text).toBe(200);
  });

  it("bodies over the limit are 413, by Content-Length or by what actually arrives, and are never read whole", async () => {
    expect(MAX_BODY_BYTES).toBe(128 * 1024);
    await changesNothing(db.prisma, "oversized", async () => {
      const big = encode({ ...method(), label: "x".repeat(MAX_BODY_BYTES) });
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: big }), 413, "The request body is larger than the 128 KB limit.", "streamed");
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: "{}", headers: { "content-length": String(MAX_BODY_BYTES + 1) } }), 413, /128 KB limit/, "declared");

      // A body that never ends: reading stops just past the limit.
      let sent = 0;
      const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      refused(await api.send(asFreelancer, "payout.addMethod", undefined, { body: endless }), 413, /128 KB limit/, "endless");
      expect(sent).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * chunk.byteLength);
    });
    // Exactly at the limit is read (and then refused for what it says, not for its size).
    const atLimit = encode({ ...method(), label: "x" });
    const padded = atLimit + " ".repeat(MAX_BODY_BYTES - atLimit.length);
    const reply = await api.send(asFreelancer, "payout.addMethod", undefined, { body: padded });
    expect(reply.status, reply.text).toBe(200);
  });

  it("malformed JSON and undecodable superjson are 400", async () => {
    await changesNothing(db.prisma, "malformed", async () => {
      for (const body of ["{", "", "{'json': 1}", '{"json": {"amountMinor": 1}', "nul", "[1,]", '"\\x"']) {
        refused(await api.send(asFreelancer, "payout.withdraw", undefined, { body }), 400, "The request body is not valid JSON.", `body ${JSON.stringify(body)}`);
      }
      const latin1 = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]); // {"\xff":1}
      refused(await api.send(asFreelancer, "payout.withdraw", undefined, { body: latin1 }), 400, "The request body is not valid UTF-8 JSON.", "latin-1");
      const notCents = /^The field "amountMinor" must be a whole number of cents in plain digits/;
      const undecodable: [unknown, RegExp][] = [
        [{ json: { ...withdraw(), amountMinor: "abc" }, meta: { values: { amountMinor: ["bigint"] } } }, notCents],
        [{ json: { ...withdraw(), amountMinor: "12.5" }, meta: { values: { amountMinor: ["bigint"] } } }, notCents],
        [{ json: { ...withdraw(), amountMinor: "9".repeat(50_000) + "x" }, meta: { values: { amountMinor: ["bigint"] } } }, notCents],
        [{ json: { ...withdraw(), amountMinor: "1" }, meta: { values: { amountMinor: ["class", "Steal"] } } }, /uses a type the API does not take/],
      ];
      const pollution = `{"json":{"payoutMethodId":"00000000-0000-4000-8000-000000000000","amountMinor":"1"},"meta":{"values":{"__proto__":["bigint"]}}}`;
      for (const [body, message] of [...undecodable.map(([each, why]) => [JSON.stringify(each), why] as const), [pollution, /"__proto__" is not a field any input takes/] as const]) {
        refused(await api.send(asFreelancer, "payout.withdraw", undefined, { body }), 400, message, `superjson ${body}`);
      }
      refused(await api.send(asFreelancer, "payout.overview", undefined, { method: "GET", query: "input={" }), 400, "The input parameter is not valid JSON.", "GET input");
    });
  });

  it("an unreachable database answers 503 with a sentence and Retry-After, not a 500", async () => {
    const { createPrismaClient } = await import("@fairlance/db/setup");
    const unreachable = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/nowhere", { max: 1 });
    try {
      const down = createTrpcHandler({ resolveSession: async () => null, getPrisma: () => unreachable, now: async (prisma) => (await prisma.$queryRaw<{ now: Date }[]>`SELECT now()`)[0]!.now });
      const response = await down(new Request(`${BASE_URL}/api/trpc/payout.overview`, { headers: { origin: BASE_URL } }));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect(await response.text()).toContain("The marketplace cannot reach its database right now. Please try again in a moment: sending the same request again is safe.");
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("a crash answers 500 without its internals", async () => {
    const broken = createTrpcHandler({
      resolveSession: async () => null,
      getPrisma: () => db.prisma as PrismaClient,
      now: async () => {
        throw new Error("connect ECONNREFUSED postgres://fairlance:hunter2@db");
      },
    });
    const response = await broken(new Request(`${BASE_URL}/api/trpc/payout.overview`, { headers: { origin: BASE_URL } }));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toContain("Something went wrong on our side. Please try again.");
    expect(text).not.toContain("hunter2");
  });
});

describe("the clock the handler is given", () => {
  it("is the marketplace's time for the request", async () => {
    clock.now = days(10, T0);
    const added = await api.send(asFreelancer, "payout.addMethod", method());
    expect(added.data).toMatchObject({ usableFrom: days(13, T0) });
  });
});
