import { randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * The floor's sessions: an opaque token per person, looked up in one query.
 * A scratch table of the benchmark database (its own schema), not part of the app.
 */
export const FLOOR_SESSIONS_TABLE = "bench_floor.session";

/** Creates the table (if needed) and one token per user; returns user id → token. */
export async function createFloorSessions(db: pg.Pool | pg.Client, userIds: readonly string[]): Promise<Map<string, string>> {
  await db.query(`CREATE SCHEMA IF NOT EXISTS bench_floor`);
  await db.query(`CREATE TABLE IF NOT EXISTS ${FLOOR_SESSIONS_TABLE} (token text PRIMARY KEY, user_id uuid NOT NULL REFERENCES "User"(id))`);
  const tokens = new Map(userIds.map((id) => [id, randomBytes(24).toString("base64url")]));
  await db.query(`INSERT INTO ${FLOOR_SESSIONS_TABLE} (token, user_id) SELECT * FROM unnest($1::text[], $2::uuid[])`, [
    [...tokens.values()],
    [...tokens.keys()],
  ]);
  return tokens;
}
