// The floor of the proposal benchmark: a minimal `node:http` server with a `pg.Pool`
// doing the same spend transaction as the app (./spend.ts), with no framework, no
// session crypto and no ORM. The freelancer is named by a bearer token looked up
// in one query. Run by `pnpm bench` in its own process:
//   DATABASE_URL=… FLOOR_PORT=0 tsx bench/src/floor/server.ts   → prints "floor listening on <port>"
import "@fairlance/db/env/exit-on-invalid";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { floorStatement, Refusal, submitProposalFloor, type SpendRequest } from "./spend";
import { FLOOR_SESSIONS_TABLE } from "./sessions";
import { benchEnv, dbEnv } from "../env";

const url = dbEnv.DATABASE_URL;
if (!url) {
  console.error("[floor] DATABASE_URL is not set.");
  process.exit(1);
}
// The same pool size as the app's Prisma client (packages/db/src/client.ts).
const pool = new pg.Pool({ connectionString: url, max: benchEnv.FLOOR_POOL_MAX });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checks the app's zod schema makes, by hand. */
function parseRequest(body: unknown): SpendRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const coverLetter = typeof b.coverLetter === "string" ? b.coverLetter.trim() : "";
  const boostConnects = b.boostConnects === undefined ? 0 : b.boostConnects;
  if (typeof b.jobId !== "string" || !UUID.test(b.jobId)) throw new Refusal(400, "INVALID_REQUEST", "That job does not exist.");
  if (typeof b.idempotencyKey !== "string" || !/^[\w.:-]{8,100}$/.test(b.idempotencyKey)) {
    throw new Refusal(400, "INVALID_REQUEST", "The idempotency key is invalid.");
  }
  if (coverLetter.length < 20 || coverLetter.length > 5_000) throw new Refusal(400, "INVALID_REQUEST", "Write a cover letter of 20 to 5,000 characters.");
  if (typeof b.bidMinor !== "string" || !/^\d{1,12}$/.test(b.bidMinor) || BigInt(b.bidMinor) <= 0n) {
    throw new Refusal(400, "INVALID_REQUEST", "Your bid must be above $0.00.");
  }
  if (typeof boostConnects !== "number" || !Number.isInteger(boostConnects) || boostConnects < 0 || boostConnects > 1_000) {
    throw new Refusal(400, "INVALID_REQUEST", "A boost is a whole number of connects from 0 to 1,000.");
  }
  return { jobId: b.jobId, idempotencyKey: b.idempotencyKey, coverLetter, bidMinor: BigInt(b.bidMinor), boostConnects };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST" || req.url !== "/proposals") return send(res, 404, { code: "NOT_FOUND", message: "Not found." });
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (!token) throw new Refusal(401, "UNAUTHORIZED", "Sign in to continue.");
  const { rows } = await pool.query<{ id: string; role: string; suspendedAt: Date | null }>(
    floorStatement("session", `SELECT u.id, u.role, u."suspendedAt" FROM ${FLOOR_SESSIONS_TABLE} s JOIN "User" u ON u.id = s.user_id WHERE s.token = $1`, [token]),
  );
  const user = rows[0];
  if (!user) throw new Refusal(401, "UNAUTHORIZED", "Your session has ended. Sign in again.");
  if (user.role !== "FREELANCER") throw new Refusal(403, "FORBIDDEN", "Only freelancers can do this.");
  if (user.suspendedAt) throw new Refusal(403, "ACCOUNT_SUSPENDED", "Your account is suspended.");
  const request = parseRequest(await readJson(req));
  send(res, 200, await submitProposalFloor(pool, user.id, request, new Date()));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (error instanceof Refusal) return send(res, error.status, { code: error.code, message: error.message });
    if (error instanceof SyntaxError) return send(res, 400, { code: "INVALID_REQUEST", message: "The body is not JSON." });
    console.error("[floor]", error);
    send(res, 500, { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong." });
  });
});
server.keepAliveTimeout = 30_000;

server.listen(benchEnv.FLOOR_PORT, "127.0.0.1", () => {
  const address = server.address();
  console.log(`floor listening on ${typeof address === "object" && address ? address.port : "?"}`);
});

const stop = () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
