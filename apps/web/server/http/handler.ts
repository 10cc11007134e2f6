import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Session } from "next-auth";
import type { PrismaClient } from "@fairlance/db";
import { clientAddress, trustedProxyHops } from "../client-address";
import { databaseUnavailable, isDatabaseUnavailable } from "../database-unavailable";
import { appRouter } from "../root";
import { createContextInner } from "../trpc";
import { batchTooLarge, callsOf, inputsOf, MAX_BATCH_CALLS } from "./batch";
import { BodyTooLarge, isJson, kib, MAX_BODY_BYTES, readBody } from "./body";
import { inputProblem } from "./decode";
import { onError, refuse, responseMeta } from "./error-shape";
import { crossSiteProblem } from "./origin";
import { procedureType } from "./procedures";
import { quote } from "./quote";
import { checkUpload, isMultipart, isUploadProcedure, uploadNeedsForm } from "./upload";

export const TRPC_ENDPOINT = "/api/trpc";

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

/**
 * The tRPC endpoint as a fetch handler. It checks what tRPC would otherwise accept too
 * loosely (cross-site posts, form posts other than uploads, unbounded bodies, GET to a mutation) and answers
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

  // What the API answers is about one person at one moment: no browser or proxy may keep it.
  const handle = async (req: Request): Promise<Response> => {
    const response = await answer(req);
    response.headers.set("cache-control", "no-store");
    return smallAnswersUncompressed(response);
  };

  const answer = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const { paths, isBatch } = callsOf(url, TRPC_ENDPOINT);
    const tooMany = batchTooLarge(paths);
    if (tooMany) return refuse(paths.slice(0, MAX_BATCH_CALLS), isBatch, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooMany }));

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
        const problem = inputProblem(inputsOf(parsed, paths.length, isBatch));
        if (problem) return refuse(paths, isBatch, problem);
      }
      return fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req, router: appRouter, createContext: () => createContext(req), onError, responseMeta });
    }

    const crossSite = crossSiteProblem(req, options.publicUrl, proxyHops);
    if (crossSite) return refuse(paths, isBatch, new TRPCError({ code: "FORBIDDEN", message: crossSite }));
    const upload = paths.find(isUploadProcedure);
    if (upload !== undefined && isMultipart(req)) {
      // An upload (a FormData): its own cap and checks (upload.ts); its fields are checked by its input schema (server/uploads.ts).
      const checked = await checkUpload(req, paths, isBatch);
      if ("refusal" in checked) return refuse(paths, isBatch, checked.refusal);
      return fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req: checked.request, router: appRouter, createContext: () => createContext(req), onError, responseMeta });
    }
    if (upload !== undefined) return refuse(paths, isBatch, new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: uploadNeedsForm(upload) }));
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
    const problem = inputProblem(inputsOf(parsed, paths.length, isBatch));
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

/** Below this size an answer is sent as it is (the server's compression threshold, 1 KB). */
export const UNCOMPRESSED_BELOW_BYTES = 1024;

/**
 * A small JSON answer is sent uncompressed. Next's server gzips every answer it streams, however
 * small (it drops a route's Content-Length, so its compression cannot see the size), and zlib's
 * set-up costs more CPU than a few hundred bytes save: a proposal's answer is about 300 bytes.
 * `no-transform` (besides `no-store`) is what tells the compression, and any proxy, to leave
 * the answer as it is. Longer answers are still compressed; a streamed one (JSON lines, sent
 * chunked) is left to stream.
 */
async function smallAnswersUncompressed(response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || response.headers.has("transfer-encoding") || !/^application\/json\b/i.test(type)) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  if (body.byteLength < UNCOMPRESSED_BELOW_BYTES) headers.set("cache-control", "no-store, no-transform");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
