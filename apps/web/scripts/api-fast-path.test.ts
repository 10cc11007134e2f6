import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../lib/security-headers";
import { acceptsGzip, COMPRESS_FROM_BYTES, createApiFastPath, isApiCall, type RouteHandler } from "./api-fast-path";

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A server whose API calls go to `handler` through the fast path, and everything else to a 404. */
async function serve(handler: RouteHandler, options: { hostname?: string; errors?: unknown[] } = {}) {
  let port = 0;
  const api = createApiFastPath({
    handlers: { GET: handler, POST: handler },
    get port() {
      return port;
    },
    hostname: options.hostname,
    onError: (error) => options.errors?.push(error),
  });
  server = createServer((req, res) => {
    if (isApiCall(req)) void api(req, res);
    else res.writeHead(404).end("next");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return port;
}

function call(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

describe("the API's fast path", () => {
  it("takes GET and POST under /api/trpc/ only", () => {
    const req = (method: string, url: string) => ({ method, url });
    expect(isApiCall(req("POST", "/api/trpc/proposal.submit"))).toBe(true);
    expect(isApiCall(req("GET", "/api/trpc/job.search,me.get?batch=1"))).toBe(true);
    expect(isApiCall(req("PUT", "/api/trpc/proposal.submit"))).toBe(false); // Next answers other methods
    expect(isApiCall(req("GET", "/api/trpcx"))).toBe(false);
    expect(isApiCall(req("GET", "/api/auth/session"))).toBe(false);
    expect(isApiCall(req("GET", "/jobs"))).toBe(false);
    // What Next would route elsewhere once the path is read as a URL.
    expect(isApiCall(req("GET", "/api/trpc/../auth/session"))).toBe(false);
    expect(isApiCall(req("GET", "/api/trpc/%2e%2e/auth/session"))).toBe(false);
    expect(isApiCall(req("POST", "/api/trpc/a/../proposal.submit"))).toBe(true);
  });

  it("hands the handler the request as Next would: method, URL, headers, body, and the client's address when nothing forwarded it", async () => {
    let seen: { url: string; method: string; body: string; headers: Record<string, string> } | null = null;
    const port = await serve(async (req) => {
      seen = { url: req.url, method: req.method, body: await req.text(), headers: Object.fromEntries(req.headers) };
      return Response.json({ ok: true });
    });
    const answer = await call(port, "/api/trpc/proposal.submit", { method: "POST", headers: { "content-type": "application/json", cookie: "a=1" }, body: '{"json":1}' });
    expect(answer.status).toBe(200);
    expect(seen).toMatchObject({ url: "http://n/api/trpc/proposal.submit", method: "POST", body: '{"json":1}' });
    expect(seen!.headers).toMatchObject({ "content-type": "application/json", cookie: "a=1", "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http", "x-forwarded-port": String(port) });

    // What a proxy forwarded is kept (whether to believe it is the handler's decision, by FAIRLANCE_TRUST_PROXY).
    await call(port, "/api/trpc/me.get", { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(seen!.headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("gives the URL the host and port the server was started with", async () => {
    let url = "";
    const port = await serve(
      async (req) => {
        url = req.url;
        return Response.json(null);
      },
      { hostname: "127.0.0.1" },
    );
    await call(port, "/api/trpc/me.get?input=%7B%7D");
    expect(url).toBe(`http://127.0.0.1:${port}/api/trpc/me.get?input=%7B%7D`);
    await call(port, "/api/trpc/me.get", { headers: { "x-forwarded-proto": "https" } });
    expect(url).toBe(`https://127.0.0.1:${port}/api/trpc/me.get`);
  });

  it("sends a small answer as it is, in one piece with its length, with the security headers and the handler's own", async () => {
    const port = await serve(async () => new Response(JSON.stringify({ result: 1 }), { status: 400, headers: { "content-type": "application/json", "cache-control": "no-store, no-transform", "x-custom": "yes" } }));
    const answer = await call(port, "/api/trpc/me.get", { headers: { "accept-encoding": "gzip" } });
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toBe('{"result":1}');
    expect(answer.headers["content-length"]).toBe(String(answer.body.byteLength));
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.headers).toMatchObject({ "cache-control": "no-store, no-transform", "x-custom": "yes", vary: "Accept-Encoding" });
    for (const { key, value } of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it("gzips an answer of 1 KB or more for a client that takes gzip, and only then", async () => {
    const big = JSON.stringify({ items: "x".repeat(COMPRESS_FROM_BYTES * 4) });
    const port = await serve(async () => new Response(big, { headers: { "content-type": "application/json", "cache-control": "no-store" } }));
    const zipped = await call(port, "/api/trpc/job.search", { headers: { "accept-encoding": "br, gzip;q=0.8" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.byteLength);
    expect(zipped.body.byteLength).toBeLessThan(big.length / 4);
    expect(gunzipSync(zipped.body).toString()).toBe(big);

    for (const encoding of [undefined, "identity", "gzip;q=0"]) {
      const plain = await call(port, "/api/trpc/job.search", { headers: encoding ? { "accept-encoding": encoding } : {} });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(big);
    }
  });

  it("passes every cookie the handler sets", async () => {
    const port = await serve(async () => {
      const headers = new Headers({ "content-type": "application/json" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response("{}", { headers });
    });
    expect((await call(port, "/api/trpc/me.get")).headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("answers a handler that throws with a bare 500, as Next does, and reports the error", async () => {
    const errors: unknown[] = [];
    const port = await serve(
      async () => {
        throw new Error("boom");
      },
      { errors },
    );
    const answer = await call(port, "/api/trpc/me.get");
    expect(answer.status).toBe(500);
    expect(answer.body.byteLength).toBe(0);
    expect(errors).toHaveLength(1);
  });

  it("streams an answer that is not JSON, as it comes", async () => {
    const port = await serve(async () => new Response(new Blob([new Uint8Array(5000).fill(7)]).stream(), { headers: { "content-type": "application/octet-stream" } }));
    const answer = await call(port, "/api/trpc/file.get", { headers: { "accept-encoding": "gzip" } });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body).toEqual(Buffer.from(new Uint8Array(5000).fill(7)));
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.5", true],
    ["*", true],
    ["GZIP", true],
    ["gzip;q=0", false],
    ["identity", false],
    ["", false],
  ])("%s → %s", (header, expected) => expect(acceptsGzip(header)).toBe(expected));
});
