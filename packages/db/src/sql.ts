import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma, PrismaClient } from "./generated/prisma/client";
import { statementNames } from "./prepared";

// Raw SQL on the client's own connections (CONTRIBUTING, "Transactions of raw SQL"). Prisma's
// client costs ~0.2 ms of JavaScript for each statement it runs (its query interpreter, the
// transaction client's proxies, a promise hook per step) whatever the statement. A proposal, the
// marketplace's hottest write, sent six through it (the session read, BEGIN, three statements,
// COMMIT): a third of the web server's CPU (BENCHMARKS.md, "seventh pass"). A transaction whose
// statements are all `$queryRaw`, and the session read, run here instead: the same pool, the same
// statement names, the same retries, `pg` in between.

type StatementNames = ReturnType<typeof statementNames>;
const ADAPTERS = Symbol.for("@fairlance/db:adapters");

/**
 * The driver adapter `createPrismaClient` gives Prisma: PrismaPg, which also keeps the pool Prisma
 * connected with (Prisma makes it on its first query and ends it on `$disconnect`).
 */
export class FairlancePg extends PrismaPg {
  #pool: pg.Pool | null = null;

  constructor(
    config: pg.PoolConfig,
    /** The statement names Prisma and `sqlTransaction` both use: one name per marked text, per process. */
    readonly names: StatementNames | null,
  ) {
    // The adapter's type asks for a name every time; undefined is pg's unnamed statement (QueryConfig.name is optional).
    super(config, names ? { statementNameGenerator: names as (query: { sql: string }) => string } : {});
  }

  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    this.#pool = adapter.underlyingDriver();
    return adapter;
  }

  /** The pool Prisma is connected with, or null before it connected and after it disconnected. */
  get pool(): pg.Pool | null {
    const pool = this.#pool;
    return pool && !pool.ending && !pool.ended ? pool : null;
  }
}

/**
 * Each client's adapter. Kept on globalThis: Next's server bundles this package into more than one
 * chunk (API routes, server components), each with its own copy of this module, and a client made
 * through one copy is used through the others.
 */
const adapters: WeakMap<PrismaClient, FairlancePg> = ((globalThis as { [ADAPTERS]?: WeakMap<PrismaClient, FairlancePg> })[ADAPTERS] ??= new WeakMap());

/** Records which adapter a client was made with (createPrismaClient). */
export function registerAdapter(client: PrismaClient, adapter: FairlancePg): void {
  adapters.set(client, adapter);
}

/** What a raw transaction's function gets: `$queryRaw` with a `Prisma.Sql` (a `prepared` or `Prisma.sql` template), as on Prisma's `tx`. */
export interface SqlTx {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
}

/** pg's TypeId lists no array types. */
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];

/** pg parses a timestamp without time zone in the process's zone: the same wall-clock time, in UTC. */
const shiftToUtc = (date: unknown): unknown => (date instanceof Date ? new Date(date.getTime() - date.getTimezoneOffset() * 60_000) : date);
const toBigInt = (each: string | null) => (each === null ? null : BigInt(each));

/**
 * Rows as Prisma's `$queryRaw` gives them: `pg`'s parsing, except that a `bigint` column is a
 * `bigint` (pg gives a string) and a timestamp without time zone is read as UTC (pg reads it in the
 * process's zone). Every other type the schema uses (uuid, text, enums, int, boolean, json,
 * timestamptz, arrays of these) pg already gives as Prisma does; sql.test.ts compares the two.
 * Made once: pg asks for a parser for every column of every result.
 */
const PARSERS = new Map<number, (value: string) => unknown>([
  [20, (value) => BigInt(value)], // int8
  [1016, (value) => (pg.types.getTypeParser(1016 as TypeId)(value) as (string | null)[]).map(toBigInt)], // int8[]
  [1114, (value) => shiftToUtc(pg.types.getTypeParser(1114 as TypeId)(value))], // timestamp
  [1115, (value) => (pg.types.getTypeParser(1115 as TypeId)(value) as unknown[]).map(shiftToUtc)], // timestamp[]
]);

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    (format !== "binary" && PARSERS.get(oid)) || pg.types.getTypeParser(oid as TypeId, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/** The isolation levels PostgreSQL takes after BEGIN (Prisma's names). */
const ISOLATION: Record<Prisma.TransactionIsolationLevel, string> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};

/** The client's adapter and the pool it is connected with (connecting it first when it is not). */
async function poolOf(prisma: PrismaClient): Promise<{ adapter: FairlancePg; pool: pg.Pool }> {
  const adapter = adapters.get(prisma);
  if (!adapter) throw new Error("sqlTransaction and sqlQuery need a client made by createPrismaClient.");
  if (!adapter.pool) await prisma.$connect();
  const pool = adapter.pool;
  if (!pool) throw new Error("The database client has no connection pool after connecting.");
  return { adapter, pool };
}

/** A statement as pg takes it: under its name when it is marked (`prepared`), with the rows' parsers. */
const queryConfig = (adapter: FairlancePg, query: Prisma.Sql): pg.QueryConfig => {
  const name = adapter.names?.({ sql: query.text });
  return { ...(name ? { name } : {}), text: query.text, values: query.values as unknown[], types };
};

/**
 * One statement of raw SQL on the client's pool, outside any transaction: `prisma.$queryRaw`
 * without Prisma's client in between, for a read on every request (the session's).
 */
export async function sqlQuery<T = unknown>(prisma: PrismaClient, query: Prisma.Sql): Promise<T> {
  const { adapter, pool } = await poolOf(prisma);
  return (await pool.query(queryConfig(adapter, query))).rows as T;
}

/**
 * One transaction of raw SQL on the client's pool: BEGIN, the function's statements, COMMIT, or
 * ROLLBACK when it throws (its error is rethrown as it is). Retries are the caller's
 * (`runSqlTransaction`). A marked statement (`prepared`) is sent under its name, as Prisma sends it.
 */
export async function sqlTransaction<T>(prisma: PrismaClient, fn: (tx: SqlTx) => Promise<T>, isolationLevel?: Prisma.TransactionIsolationLevel): Promise<T> {
  const { adapter, pool } = await poolOf(prisma);
  const client = await pool.connect();
  // A connection that fails while it is checked out emits an error besides failing its query:
  // without a listener that would end the process (Prisma's adapter listens in the same way).
  const ignore = () => undefined;
  client.on("error", ignore);
  let broken: Error | undefined;
  try {
    await client.query(isolationLevel && isolationLevel !== "ReadCommitted" ? `BEGIN ISOLATION LEVEL ${ISOLATION[isolationLevel]}` : "BEGIN");
    const tx: SqlTx = {
      $queryRaw: async <R>(query: Prisma.Sql) => (await client.query(queryConfig(adapter, query))).rows as R,
    };
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw error;
  } finally {
    client.off("error", ignore);
    // A connection that could not even roll back is closed, not given to the next transaction.
    client.release(broken);
  }
}
