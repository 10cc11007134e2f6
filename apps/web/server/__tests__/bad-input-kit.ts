import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Session } from "next-auth";
import superjson from "superjson";
import { type PrismaClient } from "@fairlance/db";
import { createTrpcHandler } from "@/server/http";
import { assertLedgerHolds, type TestUser } from "@fairlance/db/testing";

/** The site the in-process requests pretend to come from (and go to). */
export const BASE_URL = "http://fairlance.test";

/** A value sent as raw JSON text, past superjson (e.g. `1e400`, which JavaScript cannot hold). */
export class Raw {
  constructor(readonly json: string) {}
}

/** What came back, decoded the way the app's client decodes it. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  data?: unknown;
  error?: { message: string; code: string; domainCode: string | null; fieldErrors: Record<string, string[]> | null };
}

/** A value sent with a superjson type of our choosing, e.g. `new Typed("garbage", "Date")` (an invalid date). */
export class Typed {
  constructor(
    readonly json: unknown,
    readonly type: string,
  ) {}
}

/** The request body as the app's client sends it (superjson), with any Raw or Typed value spliced in as is. */
export function encode(input: unknown): string {
  const raws: string[] = [];
  const typed: Typed[] = [];
  const swap = (value: unknown): unknown => {
    if (value instanceof Raw) return `@@raw:${raws.push(value.json) - 1}@@`;
    if (value instanceof Typed) return `@@typed:${typed.push(value) - 1}@@`;
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    }
    return value;
  };
  const serialized = superjson.serialize(swap(input)) as { json: unknown; meta?: { values?: Record<string, string[]> } };
  const splice = (value: unknown, path: string[]): unknown => {
    const match = typeof value === "string" ? /^@@typed:(\d+)@@$/.exec(value) : null;
    if (match) {
      const { json, type } = typed[Number(match[1])]!;
      serialized.meta = { ...serialized.meta, values: { ...serialized.meta?.values, [path.join(".")]: [type] } };
      return json;
    }
    if (Array.isArray(value)) return value.map((item, i) => splice(item, [...path, String(i)]));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, splice(v, [...path, k])]));
    return value;
  };
  if (typed.length > 0) serialized.json = splice(serialized.json, []);
  const text = JSON.stringify(serialized);
  return text.replace(/"@@raw:(\d+)@@"/g, (_match, index: string) => raws[Number(index)]!);
}

function decode(status: number, headers: Headers, text: string): Reply {
  const reply: Reply = { status, headers, text };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply;
  }
  const single = (Array.isArray(body) ? body[0] : body) as { result?: { data: never }; error?: never } | undefined;
  if (single?.result) reply.data = superjson.deserialize(single.result.data);
  if (single?.error) {
    const error = superjson.deserialize<{ message: string; data?: { code?: string; domainCode?: string | null; fieldErrors?: Record<string, string[]> | null } }>(single.error);
    reply.error = { message: error.message, code: error.data?.code ?? "?", domainCode: error.data?.domainCode ?? null, fieldErrors: error.data?.fieldErrors ?? null };
  }
  return reply;
}

export interface SendOptions {
  method?: string;
  /** Replaces the encoded input: a raw body string or a stream. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** A query string (without `?`), e.g. `batch=1` or `input=…`. */
  query?: string;
}

/**
 * The tRPC endpoint in-process: the same handler the route mounts, with sessions looked up from
 * a `session` cookie the test hands out, and the marketplace's clock set by the test.
 */
export function httpApi(prisma: PrismaClient, clock: { now: Date }) {
  const sessions = new Map<string, Session>();
  const handler = createTrpcHandler({
    resolveSession: async (req) => sessions.get(/(?:^|;\s*)session=([^;]+)/.exec(req.headers.get("cookie") ?? "")?.[1] ?? "") ?? null,
    getPrisma: () => prisma,
    now: async () => clock.now,
    publicUrl: BASE_URL,
  });

  /** A signed-in person's cookie. */
  const signIn = (user: TestUser) => {
    const token = randomUUID();
    sessions.set(token, { user, expires: new Date(Date.now() + 3_600_000).toISOString() });
    return `session=${token}`;
  };

  async function send(cookie: string | null, path: string, input?: unknown, options: SendOptions = {}): Promise<Reply> {
    const method = options.method ?? "POST";
    const hasBody = method !== "GET" && method !== "HEAD";
    const headers: Record<string, string> = { origin: BASE_URL, ...(hasBody ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}), ...options.headers };
    for (const [name, value] of Object.entries(headers)) if (value === "") delete headers[name];
    const query = options.query ?? (method === "GET" && input !== undefined ? `input=${encodeURIComponent(encode(input))}` : "");
    const init: RequestInit & { duplex?: "half" } = { method, headers };
    if (hasBody) {
      init.body = options.body ?? encode(input);
      if (init.body instanceof ReadableStream) init.duplex = "half";
    }
    const response = await handler(new Request(`${BASE_URL}/api/trpc/${path}${query ? `?${query}` : ""}`, init));
    return decode(response.status, response.headers, await response.text());
  }

  return { handler, signIn, send };
}

/** Runs the tasks `width` at a time (refusals are independent: they change nothing). */
export async function inParallel<T>(tasks: (() => Promise<T>)[], width = 6): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

/** A message a person can read: one sentence or two, no zod or database internals. */
export function expectReadable(reply: Reply, context: string) {
  const message = reply.error?.message;
  expect(message, `${context}: no error message in ${reply.text.slice(0, 300)}`).toBeTypeOf("string");
  expect(message, context).toMatch(/^["A-Z]/);
  expect(message, context).toMatch(/[.!?]$/);
  expect(message!.length, context).toBeLessThan(300);
  expect(message, context).not.toMatch(/Invalid input|expected \w+, received|Too (big|small):|Unrecognized key|\[\{|undefined|prisma|SQL|violates|\bat \w+ \(|Something went wrong/i);
}

/** Refused with a 4xx and a readable message. */
export function expectRefused(reply: Reply, context: string) {
  expect(reply.status, `${context}: HTTP ${reply.status} ${reply.text.slice(0, 400)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status, `${context}: HTTP ${reply.status} ${reply.text.slice(0, 400)}`).toBeLessThan(500);
  expectReadable(reply, context);
}

/** Refused with exactly this status and a message matching `message`. */
export function expectRefusedWith(reply: Reply, status: number, message: string | RegExp, context: string) {
  expectRefused(reply, context);
  expect(reply.status, context).toBe(status);
  expect(reply.error?.message, context).toMatch(message);
}

/**
 * Every row of every table of the marketplace, as one hash per table: a refused request must
 * leave each of them as it was (balances, ledger transfers, connect lots, idempotency records…).
 */
export async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const sql = tables
    .map(({ name }) => `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${name}" t`)
    .join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<{ name: string; hash: string }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

/** Runs `cases` and checks that the database is exactly as before and every invariant holds. */
export async function changesNothing(prisma: PrismaClient, context: string, cases: () => Promise<void>) {
  const before = await fingerprint(prisma);
  await cases();
  const after = await fingerprint(prisma);
  const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
  expect(changed, `${context}: these tables changed`).toEqual([]);
  await assertLedgerHolds(prisma, `after ${context}`);
}
