// The API's requests answered before Next's router (scripts/web-server.ts). The tRPC route's own
// handler (app/api/trpc/[trpc]/route.ts, from the production build) is called with a fetch Request
// made from the Node request, and its Response is written back in one piece. Nothing about the
// answer changes: the handler checks and refuses exactly as it does under Next; this file adds
// only what Next's server adds to an API answer (the security headers of next.config.ts, the
// `x-forwarded-*` request headers, compression of an answer of 1 KB or more). What it saves is
// Next's routing work on every API call (BENCHMARKS.md, "Proposal submission, fourth pass").
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { SECURITY_HEADERS } from "../lib/security-headers";

const gzip = promisify(gzipCallback);

/** The tRPC endpoint's path: its calls and batches are under it (`/api/trpc/job.search,me.get?batch=1`). */
export const API_PREFIX = "/api/trpc/";

/** Below this size an answer goes uncompressed, as with Next's compression (1 KB). */
export const COMPRESS_FROM_BYTES = 1024;

export type RouteHandler = (req: Request) => Promise<Response>;

export interface ApiFastPathOptions {
  /** The route's exported handlers by method (the built route module's `userland`). */
  handlers: Record<"GET" | "POST", RouteHandler>;
  /** The port and host the server was started with: the request URL's origin, as Next builds it. */
  port: number;
  hostname?: string;
  /** Where a handler's failure is reported (the server's log). */
  onError?: (error: unknown) => void;
}

/**
 * Whether this request is one the fast path answers: a GET or POST to a tRPC procedure. The path
 * is read as a URL, as Next's router reads it: `/api/trpc/../auth/session` is next-auth's, and
 * `//api/trpc/x` no API path at all, so both go to Next.
 */
export function isApiCall(req: Pick<IncomingMessage, "method" | "url">): boolean {
  if (req.method !== "GET" && req.method !== "POST") return false;
  const url = req.url ?? "";
  if (!url.startsWith(API_PREFIX)) return false;
  try {
    return new URL(url, "http://n").pathname.startsWith(API_PREFIX);
  } catch {
    return false;
  }
}

/**
 * The origin Next gives a route's Request: the configured host and port, or a placeholder when
 * the server was started without a host (next-server's `attachRequestMeta` and
 * `NextRequestAdapter.fromNodeNextRequest`). The handler compares origins with NEXTAUTH_URL
 * (server/http/origin.ts), so the same URL keeps the same decisions.
 */
export function requestUrl(req: IncomingMessage, options: Pick<ApiFastPathOptions, "port" | "hostname">): string {
  const path = req.url ?? "/";
  if (!options.hostname) return new URL(path, "http://n").href;
  const https = String(req.headers["x-forwarded-proto"] ?? "").includes("https");
  const host = options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname;
  return new URL(path, `${https ? "https" : "http"}://${host}:${options.port}`).href;
}

/** Next's defaults for the forwarding headers (base-server.ts), set only when absent. */
function forwardingDefaults(req: IncomingMessage, options: Pick<ApiFastPathOptions, "port" | "hostname">): void {
  const headers = req.headers;
  const https = headers["x-forwarded-proto"] ? headers["x-forwarded-proto"] === "https" : "encrypted" in req.socket && Boolean(req.socket.encrypted);
  headers["x-forwarded-host"] ??= headers.host ?? options.hostname;
  headers["x-forwarded-port"] ??= String(options.port);
  headers["x-forwarded-proto"] ??= https ? "https" : "http";
  if (req.socket.remoteAddress) headers["x-forwarded-for"] ??= req.socket.remoteAddress;
}

/** Whether the client takes gzip (Accept-Encoding lists it, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [name, ...params] = entry.trim().toLowerCase().split(";");
    if (name !== "gzip" && name !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const COMPRESSIBLE = /^(application\/json|text\/)/i;

/** Answers one API request with the route's handler; never throws (a failure is a bare 500, as under Next). */
export function createApiFastPath(options: ApiFastPathOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const onError = options.onError ?? ((error: unknown) => console.error(error));

  return async (req, res) => {
    const method = req.method as "GET" | "POST";
    const handler = options.handlers[method];
    let response: Response;
    const aborted = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) aborted.abort();
    };
    res.once("close", onClose);
    try {
      forwardingDefaults(req, options);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) for (const each of value) headers.append(name, each);
        else headers.set(name, value);
      }
      const request = new Request(requestUrl(req, options), {
        method,
        headers,
        body: method === "POST" ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
        signal: aborted.signal,
        // @ts-expect-error -- undici's option for a streamed request body (Next passes it too)
        duplex: "half",
      });
      response = await handler(request);
    } catch (error) {
      onError(error);
      response = new Response(null, { status: 500 });
    }
    try {
      await send(req, res, response);
    } catch (error) {
      onError(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    } finally {
      res.off("close", onClose);
    }
  };
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);

  const type = response.headers.get("content-type") ?? "";
  if (!response.body) {
    res.end();
    return;
  }
  if (response.headers.has("transfer-encoding") || !COMPRESSIBLE.test(type)) {
    // A streamed or binary answer goes as it comes.
    res.removeHeader("transfer-encoding");
    await new Promise<void>((resolve, reject) => {
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>)
        .on("error", reject)
        .pipe(res)
        .on("finish", resolve)
        .on("error", reject);
    });
    return;
  }

  let body = Buffer.from(await response.arrayBuffer());
  res.setHeader("vary", appendVary(res.getHeader("vary"), "Accept-Encoding"));
  const noTransform = /\bno-transform\b/i.test(response.headers.get("cache-control") ?? "");
  if (body.byteLength >= COMPRESS_FROM_BYTES && !noTransform && !response.headers.has("content-encoding") && acceptsGzip(req.headers["accept-encoding"])) {
    body = await gzip(body);
    res.setHeader("content-encoding", "gzip");
  }
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}

function appendVary(current: string | number | string[] | undefined, name: string): string {
  const list = [current ?? []].flat().flatMap((each) => String(each).split(",")).map((each) => each.trim()).filter(Boolean);
  return list.some((each) => each.toLowerCase() === name.toLowerCase() || each === "*") ? list.join(", ") : [...list, name].join(", ");
}
