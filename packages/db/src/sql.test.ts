import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, Prisma, type PrismaClient } from "./client";
import { isDatabaseUnavailable } from "./database-unavailable";
import { DomainError } from "./errors";
import { prepared } from "./prepared";
import { JOB_COLUMNS } from "./services/jobs/shared";
import { sqlQuery, sqlTransaction } from "./sql";
import { freshDatabase, makeVerifiedClient, NOW, openJob, type TestDatabase } from "./testing";
import { runSqlTransaction } from "./transaction";

describe("sqlTransaction (PostgreSQL)", () => {
  let db: TestDatabase;
  let jobId: string;
  beforeAll(async () => {
    db = await freshDatabase({ max: 1 });
    const client = await makeVerifiedClient(db.prisma);
    jobId = await openJob(db.prisma, client.id, NOW, { skills: ["react", "css"] });
  });
  afterAll(() => db.drop());

  const clockRows = () => db.prisma.simulatedClock.count();

  it("gives the rows Prisma's $queryRaw gives, for every type a statement returns", async () => {
    // A job's columns (uuid, text, enums, bigint, int, text[], timestamptz, nulls) and what the
    // services compute (counts, bigint arrays, json, booleans, a timestamp without time zone).
    const statement = () => Prisma.sql`
      SELECT ${JOB_COLUMNS}, count(*) OVER ()::bigint AS total, ARRAY[1, NULL, 9007199254740993]::bigint[] AS amounts,
             json_build_object('a', 1, 'b', ARRAY['x']) AS doc, true AS yes, NULL::int AS nothing,
             '2026-03-29 01:30:00.123'::timestamp AS wall, ARRAY['2026-10-25 02:30:00'::timestamp] AS walls
      FROM "Job" WHERE id = ${jobId}::uuid`;
    const viaPrisma = await db.prisma.$queryRaw<Record<string, unknown>[]>(statement());
    const viaSql = await sqlTransaction(db.prisma, (tx) => tx.$queryRaw<Record<string, unknown>[]>(statement()));
    expect(viaSql).toEqual(viaPrisma);
    expect(await sqlQuery(db.prisma, statement())).toEqual(viaPrisma);
    expect(viaSql[0]).toMatchObject({ total: 1n, amounts: [1n, null, 9007199254740993n], skills: ["react", "css"], wall: new Date("2026-03-29T01:30:00.123Z") });
    expect(typeof viaSql[0]!.budgetMinor).toBe("bigint");
  });

  it("commits what the function did, and rolls all of it back when it throws, rethrowing its error as it is", async () => {
    expect(await clockRows()).toBe(0);
    const insert = Prisma.sql`INSERT INTO "SimulatedClock" (id, "offsetMs", "updatedAt") VALUES (1, 5, now())`;
    const refused = new DomainError("CONFLICT", "Refused after writing.");
    await expect(
      sqlTransaction(db.prisma, async (tx) => {
        await tx.$queryRaw(insert);
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await clockRows()).toBe(0);

    await sqlTransaction(db.prisma, (tx) => tx.$queryRaw(insert));
    expect(await db.prisma.simulatedClock.findMany({ select: { offsetMs: true } })).toEqual([{ offsetMs: 5n }]);
    await db.prisma.simulatedClock.deleteMany();
  });

  it("asks for the isolation level it is given, and for none by default (READ COMMITTED)", async () => {
    const level = (isolation?: Prisma.TransactionIsolationLevel) =>
      sqlTransaction(db.prisma, async (tx) => (await tx.$queryRaw<{ level: string }[]>(Prisma.sql`SELECT current_setting('transaction_isolation') AS level`))[0]!.level, isolation);
    expect(await level()).toBe("read committed");
    expect(await level("Serializable")).toBe("serializable");
  });

  it("runs a marked statement under the name Prisma gives it, on the same connection", async () => {
    const statement = () => prepared`SELECT ${"x"}::text || 'y' AS s`;
    // The client has one connection: Prisma prepares the statement on it, then sqlTransaction runs it there.
    await db.prisma.$transaction((tx) => tx.$queryRaw(statement()));
    const names = await sqlTransaction(db.prisma, async (tx) => {
      const [row] = await tx.$queryRaw<{ s: string }[]>(statement());
      expect(row!.s).toBe("xy");
      return tx.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT name FROM pg_prepared_statements WHERE statement = ${statement().text}`);
    });
    expect(names).toEqual([{ name: expect.stringMatching(/^fairlance_\d+$/) }]);
  });

  it("runs again after a serialization failure (runSqlTransaction), and gives up on other errors at once", async () => {
    let attempts = 0;
    const result = await runSqlTransaction(db.prisma, async (tx) => {
      attempts++;
      if (attempts === 1) await tx.$queryRaw(Prisma.sql`DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$`);
      return "done";
    });
    expect({ result, attempts }).toEqual({ result: "done", attempts: 2 });

    attempts = 0;
    await expect(
      runSqlTransaction(db.prisma, async (tx) => {
        attempts++;
        await tx.$queryRaw(Prisma.sql`SELECT 1 / 0`);
      }),
    ).rejects.toMatchObject({ code: "22012" });
    expect(attempts).toBe(1);
  });

  it("survives its connection being cut mid-transaction: the error says the database is unavailable, and the next transaction gets a new connection", async () => {
    const error = await sqlTransaction(db.prisma, (tx) => tx.$queryRaw(Prisma.sql`SELECT pg_terminate_backend(pg_backend_pid())`)).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await sqlTransaction(db.prisma, async (tx) => (await tx.$queryRaw<{ one: number }[]>(Prisma.sql`SELECT 1 AS one`))[0]!.one)).toBe(1);
  });

  it("sqlQuery survives its connection being cut as well", async () => {
    const error = await sqlQuery(db.prisma, Prisma.sql`SELECT pg_terminate_backend(pg_backend_pid())`).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await sqlQuery(db.prisma, prepared`SELECT ${2}::int AS two`)).toEqual([{ two: 2 }]);
  });
});

describe("sqlTransaction and the client's life", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ max: 1 });
  });
  afterAll(() => db.drop());

  const one = (prisma: PrismaClient) => sqlTransaction(prisma, async (tx) => (await tx.$queryRaw<{ one: number }[]>(Prisma.sql`SELECT 1 AS one`))[0]!.one);

  it("connects a client that has not run anything yet, and again after $disconnect", async () => {
    const prisma = createPrismaClient(db.url, { max: 1 });
    try {
      expect(await one(prisma)).toBe(1);
      await prisma.$disconnect();
      expect(await one(prisma)).toBe(1);
      expect(await prisma.user.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("finds a client made through another copy of this module (Next's server has one per chunk that bundles it)", async () => {
    const prisma = createPrismaClient(db.url, { max: 1 });
    try {
      vi.resetModules();
      const copy = await import("./sql");
      expect(copy.sqlQuery).not.toBe(sqlQuery);
      expect(await copy.sqlQuery(prisma, Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("refuses a client it did not make", async () => {
    await expect(one({} as PrismaClient)).rejects.toThrow(/createPrismaClient/);
  });
});
