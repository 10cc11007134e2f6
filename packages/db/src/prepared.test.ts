import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, Prisma, type PrismaClient } from "./client";
import { prepared, statementNames } from "./prepared";
import { freshDatabase, type TestDatabase } from "./testing";

describe("prepared", () => {
  it("is $queryRaw's statement with the mark in front, its values and fragments kept", () => {
    const inner = Prisma.sql`"role" = ${"FREELANCER"}`;
    const statement = prepared`SELECT id FROM "User" WHERE id = ${"u-1"}::uuid AND ${inner}`;
    expect(statement.text).toBe(`/* prepared */ SELECT id FROM "User" WHERE id = $1::uuid AND "role" = $2`);
    expect(statement.values).toEqual(["u-1", "FREELANCER"]);
  });
});

describe("statementNames", () => {
  const marked = (text: string) => ({ sql: prepared([text] as unknown as TemplateStringsArray).text });

  it("names each marked text once, and no other statement", () => {
    const name = statementNames();
    expect(name({ sql: "SELECT 1" })).toBeUndefined();
    const first = name(marked("SELECT 1"));
    expect(first).toBe("fairlance_1");
    expect(name(marked("SELECT 2"))).toBe("fairlance_2");
    expect(name(marked("SELECT 1"))).toBe(first);
  });

  it("leaves texts past its limit unnamed, and keeps naming those it named", () => {
    const name = statementNames(2);
    expect([name(marked("SELECT 1")), name(marked("SELECT 2")), name(marked("SELECT 3"))]).toEqual(["fairlance_1", "fairlance_2", undefined]);
    expect(name(marked("SELECT 2"))).toBe("fairlance_2");
  });
});

describe("prepared statements on a connection (PostgreSQL)", () => {
  let db: TestDatabase;
  let unprepared: PrismaClient;
  beforeAll(async () => {
    db = await freshDatabase({ max: 1 });
    unprepared = createPrismaClient(db.url, { max: 1, preparedStatements: false });
  });
  afterAll(async () => {
    await unprepared.$disconnect();
    await db.drop();
  });

  /** Runs a marked statement twice, then lists the connection's prepared statements, in one transaction (one connection). */
  const runTwiceAndList = (prisma: PrismaClient, n: number) =>
    prisma.$transaction(async (tx) => {
      for (let i = 0; i < 2; i++) {
        const [row] = await tx.$queryRaw<{ n: number }[]>(prepared`SELECT ${n}::int + 1 AS n`);
        expect(row!.n).toBe(n + 1);
      }
      return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements ORDER BY name`;
    });

  it("prepares a marked statement once on its connection, under its name", async () => {
    const statements = await runTwiceAndList(db.prisma, 41);
    expect(statements).toEqual([{ name: "fairlance_1", statement: "/* prepared */ SELECT $1::int + 1 AS n" }]);
    // Other values run the same prepared statement.
    expect(await runTwiceAndList(db.prisma, 99)).toEqual(statements);
  });

  it("prepares nothing when turned off (FAIRLANCE_PREPARED_STATEMENTS=0)", async () => {
    expect(await runTwiceAndList(unprepared, 41)).toEqual([]);
  });
});
