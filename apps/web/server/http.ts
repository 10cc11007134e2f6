import { TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { Session } from "next-auth";
import { decodeUntrusted, type PrismaClient } from "@fairlance/db";
import { MAX_BATCH_CALLS } from "@/lib/api-limits";
import { appRouter } from "./root";
import { unexpectedInputFields } from "./unexpected-fields";
import { databaseUnavailable, isDatabaseUnavailable } from "./database-unavailable";
import { FieldProblem } from "./errors";
import { createContextInner } from "./trpc";
import { clientAddress, trustedProxyHops } from "./client-address";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * The largest request body the API reads. The biggest legitimate input is a job description
 * (10,000 characters); JSON escapes a character in at most 6 bytes (`\u001f`), so a worst-case
 * job is about 60 KB. 128 KiB leaves room for the other fields and a small batch, and is far
 * below anything that could tire the server.
 */
export const MAX_BODY_BYTES = 128 * 1024;

export { MAX_BATCH_CALLS };

export interface TrpcHandlerOptions {
  /** The signed-in person for this request (next-auth's session in the app). */
  resolveSession: (req: Request) => Promise<Session | null>;
  getPrisma: () => PrismaClient;
  /** The marketplace's time for this request (the movable clock's in a demo). */
  now: (prisma: PrismaClient) => Promise<Date>;
  /** The app's public URL (NEXTAUTH_URL): the origin a browser's requests must come from. */
  publicUrl?: string | null;
  /** Reverse proxies in front of the app whose forwarding headers are believed (FAIRLANCE_TRUST_PROXY). */
  trustedProxyHops?: number;
  maxBodyBytes?: number;
}

// tRPC keeps every procedure under its dotted path ("proposal.submit").
const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure | undefined>;
const procedureType = (path: string) => (Object.hasOwn(procedures, path) ? (procedures[path]?._def.type ?? null) : null);

const originOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The origins this app is served from: the configured public URL (NEXTAUTH_URL) when there is
 * one, else the host the request was sent to; and, only behind trusted proxies
 * (FAIRLANCE_TRUST_PROXY), the host and scheme the proxy says the browser used. A client's own
 * X-Forwarded-Host is never believed: it would let any page name itself as this site.
 */
function ownOrigins(req: Request, publicUrl: string | null | undefined, proxyHops: number): Set<string> {
  const own = new Set<string>();
  const configured = originOf(publicUrl);
  own.add(configured ?? originOf(req.url)!);
  if (proxyHops > 0) {
    // Each proxy appends; the one nearest the browser wrote the first entry we trust.
    const forwarded = (name: string) => {
      const entries = (req.headers.get(name) ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
      return entries[Math.max(0, entries.length - proxyHops)];
    };
    const host = forwarded("x-forwarded-host");
    const proto = forwarded("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    const origin = host && (proto === "http" || proto === "https") ? originOf(`${proto}://${host}`) : null;
    if (origin) own.add(origin);
  }
  return own;
}

/**
 * A browser's POST from another site is refused (CSRF), besides SameSite cookies: by
 * Sec-Fetch-Site when the browser sends it, else by an Origin that is not one of this site's.
 * A request without Origin (curl, the bench, server-side calls) is not a browser's cross-site
 * form or fetch, which always carries Origin on POST.
 */
function crossSiteProblem(req: Request, publicUrl: string | null | undefined, proxyHops: number): string | null {
  const refused = "Cross-site requests are refused";
  if (req.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return `${refused}.`;
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const own = ownOrigins(req, publicUrl, proxyHops);
  if (own.has(originOf(origin) ?? "")) return null;
  const home = originOf(publicUrl);
  return home ? `${refused}: this marketplace is served at ${home}; use it from there.` : `${refused}.`;
}

const isJson = (req: Request) => req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** What the caller sent, quoted back in a message: never more than a line. */
const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of the body; a longer body is cancelled, never buffered whole. */
async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Each call's input, as tRPC will read it: one value, or the batch's values by call index. */
function inputsOf(parsed: unknown, calls: number, isBatch: boolean): unknown[] {
  if (!isBatch) return [parsed];
  if (parsed === null || typeof parsed !== "object") return [];
  return Array.from({ length: calls }, (_, index) => (Object.hasOwn(parsed, String(index)) ? (parsed as Record<string, unknown>)[String(index)] : undefined));
}

/**
 * What is wrong with a request's inputs, or null. Each input is decoded once, by the API's
 * strict decoder (`decodeUntrusted`: only the types inputs carry, only text a person could mean,
 * in time proportional to the request's size), and a problem in a field is reported against
 * that field so forms show it there. Fields a procedure's input does not declare (`role`,
 * `balanceMinor`, `card.status`…) are refused rather than silently dropped, so nobody is left
 * to guess whether they took effect.
 */
function inputProblem(paths: string[], inputs: unknown[]): TRPCError | null {
  const values: unknown[] = [];
  for (const input of inputs) {
    const decoded = decodeUntrusted(input);
    if (!decoded.ok) {
      const { path, message } = decoded.problem;
      return new TRPCError({ code: "BAD_REQUEST", message, cause: new FieldProblem(path, message) });
    }
    values.push(decoded.value);
  }
  for (const [index, path] of paths.entries()) {
    const fields = unexpectedInputFields(procedures[path]?._def.inputs ?? [], values[index]);
    if (fields.length === 0) continue;
    const names = fields.slice(0, 5).map((field) => `"${quote(field)}"`).join(", ") + (fields.length > 5 ? ` and ${fields.length - 5} more` : "");
    const message = `This request sends ${fields.length === 1 ? "a field" : "fields"} that ${path} does not take: ${names}. Nothing was changed.`;
    return new TRPCError({ code: "BAD_REQUEST", message });
  }
  return null;
}

/**
 * The tRPC endpoint as a fetch handler. It checks what tRPC would otherwise accept too
 * loosely (cross-site posts, form posts, unbounded bodies, GET to a mutation) and answers
 * each with a 4xx and a readable sentence, in tRPC's error shape so the app's client shows it.
 * Built by a factory so tests call it in-process with real Requests.
 */
export function createTrpcHandler(options: TrpcHandlerOptions): (req: Request) => Promise<Response> {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const proxyHops = options.trustedProxyHops ?? trustedProxyHops();

  const createContext = async (req: Request) => {
    const prisma = options.getPrisma();
    try {
      const [session, now] = await Promise.all([options.resolveSession(req), options.now(prisma)]);
      const address = clientAddress(req.headers.get("x-forwarded-for") ?? undefined, proxyHops);
      return createContextInner({ session, prisma, now: () => now, clientAddress: address });
    } catch (error) {
      throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
    }
  };

  /**
   * A request refused before any procedure ran, answered in tRPC's error shape (an array for a
   * batch), through the app's error formatter, so the app's client reads it like any other error.
   */
  const refuse = (paths: string[], isBatch: boolean, error: TRPCError, headers: Record<string, string> = {}) => {
    const config = appRouter._def._config;
    const httpStatus = getHTTPStatusCodeFromError(error);
    const responses = paths.map((path) => {
      const shape = { message: error.message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data: { code: error.code, httpStatus, path } };
      const formatted = config.errorFormatter({ error, shape, type: procedureType(path) ?? "unknown", path, input: undefined, ctx: undefined });
      return { error: config.transformer.output.serialize(formatted) };
    });
    return Response.json(isBatch ? responses : responses[0], { status: httpStatus, headers: { vary: "trpc-accept, accept", ...headers } });
  };

  // What the API answers is about one person at one moment: no browser or proxy may keep it.
  const handle = async (req: Request): Promise<Response> => {
    const response = await answer(req);
    response.headers.set("cache-control", "no-store");
    return response;
  };

  const answer = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const path = url.pathname.slice(url.pathname.indexOf(TRPC_ENDPOINT) + TRPC_ENDPOINT.length).replace(/^\/+|\/+$/g, "");
    const isBatch = url.searchParams.get("batch") === "1";
    const paths = isBatch ? path.split(",") : [path];
    if (paths.length > MAX_BATCH_CALLS) {
      const message = `One request may batch at most ${MAX_BATCH_CALLS} calls; this one has ${paths.length}.`;
      return refuse(paths.slice(0, MAX_BATCH_CALLS), isBatch, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message }));
    }

    if (req.method !== "GET" && req.method !== "POST" && req.method !== "HEAD") {
      return refuse(paths, isBatch, new TRPCError({ code: "METHOD_NOT_SUPPORTED", message: `The API takes GET to read and POST to change data, not ${req.method}.` }), {
        allow: "GET, POST",
      });
    }
    if (req.method === "HEAD") return new Response(null, { status: 204 });

    const unknown = paths.find((each) => procedureType(each) === null);
    if (unknown !== undefined) {
      return refuse(paths, isBatch, new TRPCError({ code: "NOT_FOUND", message: `There is no API procedure called "${quote(unknown)}".` }));
    }
    const wrongMethod = paths.find((each) => procedureType(each) === (req.method === "GET" ? "mutation" : "query"));
    if (wrongMethod) {
      const message =
        req.method === "GET"
          ? `"${wrongMethod}" changes data, so it only accepts POST requests.`
          : `"${wrongMethod}" only reads data, so it only accepts GET requests.`;
      return refuse(paths, isBatch, new TRPCError({ code: "METHOD_NOT_SUPPORTED", message }), { allow: req.method === "GET" ? "POST" : "GET" });
    }

    if (req.method === "GET") {
      const raw = url.searchParams.get("input");
      if (raw !== null) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          return refuse(paths, isBatch, new TRPCError({ code: "PARSE_ERROR", message: "The input parameter is not valid JSON." }));
        }
        const problem = inputProblem(paths, inputsOf(parsed, paths.length, isBatch));
        if (problem) return refuse(paths, isBatch, problem);
      }
      return fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req, router: appRouter, createContext: () => createContext(req), onError, responseMeta });
    }

    const crossSite = crossSiteProblem(req, options.publicUrl, proxyHops);
    if (crossSite) return refuse(paths, isBatch, new TRPCError({ code: "FORBIDDEN", message: crossSite }));
    if (!isJson(req)) {
      const sent = req.headers.get("content-type");
      const message = `The API accepts JSON only: send the body as application/json${sent ? `, not ${quote(sent.split(";", 1)[0]!)}` : ""}.`;
      return refuse(paths, isBatch, new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message }));
    }
    const tooLarge = () => refuse(paths, isBatch, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than the ${kib(limit)} limit.` }));
    if (Number(req.headers.get("content-length") ?? "0") > limit) return tooLarge();

    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await readBody(req, limit));
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLarge();
      return refuse(paths, isBatch, new TRPCError({ code: "PARSE_ERROR", message: "The request body is not valid UTF-8 JSON." }));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return refuse(paths, isBatch, new TRPCError({ code: "PARSE_ERROR", message: "The request body is not valid JSON." }));
    }
    const problem = inputProblem(paths, inputsOf(parsed, paths.length, isBatch));
    if (problem) return refuse(paths, isBatch, problem);

    // tRPC reads the body we checked, never the stream again.
    const headers = new Headers(req.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const checked = new Request(req.url, { method: "POST", headers, body: text, signal: req.signal });
    return fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req: checked, router: appRouter, createContext: () => createContext(req), onError, responseMeta });
  };

  return handle;
}

/** A 503 tells well-behaved clients when to try again. */
function responseMeta({ errors }: { errors: TRPCError[] }) {
  return errors.some((error) => error.code === "SERVICE_UNAVAILABLE") ? { headers: { "retry-after": "2" } } : {};
}

function onError({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
  if (error.code === "SERVICE_UNAVAILABLE") console.error(`[trpc] ${path ?? "?"}: database unavailable (${(error.cause as Error | undefined)?.message?.split("\n").find((line) => line.trim()) ?? "?"})`);
}
