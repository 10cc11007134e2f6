import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { emptyDatabase } from "../testing";
import { DB_PACKAGE_ROOT } from "../paths";
import { describeSchema } from "./describe";
import { migrate } from "./migrate";
import { readSchema } from "./schema-diff";

/** SQL creating a schema from nothing, from Prisma's wasm engine (a child process: it needs a node flag). */
function sqlForSchema(databaseUrl: string, schemaFile?: string): string {
  const args = ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "src/cli/schema-sql.ts"];
  if (schemaFile) args.push(schemaFile);
  const result = spawnSync(process.execPath, args, {
    cwd: DB_PACKAGE_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`schema-sql failed: ${result.stderr}`);
  return result.stdout;
}

async function databaseFrom(sql: string) {
  const db = await emptyDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(sql);
  await client.end();
  return db;
}

describe("schema.prisma and the migrations", () => {
  it("describe the same database", async () => {
    const migrated = await emptyDatabase();
    await migrate(migrated.url);
    const fromSchema = await databaseFrom(sqlForSchema(migrated.url));
    try {
      const expected = await describeSchema(fromSchema.url);
      expect(expected.columns.length).toBeGreaterThan(5);
      // If this fails, schema.prisma changed without a migration (run `pnpm db:migration <name>`)
      // or a migration changed what Prisma models by hand.
      expect(await describeSchema(migrated.url)).toEqual(expected);
    } finally {
      await Promise.all([migrated.drop(), fromSchema.drop()]);
    }
  });

  it("catches a schema change that has no migration", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fairlance-drift-"));
    const drifted = join(dir, "schema.prisma");
    writeFileSync(drifted, readSchema().replace("model User {", "model User {\n  nickname String?"));
    const migrated = await emptyDatabase();
    await migrate(migrated.url);
    const fromSchema = await databaseFrom(sqlForSchema(migrated.url, drifted));
    try {
      const actual = await describeSchema(migrated.url);
      const expected = await describeSchema(fromSchema.url);
      expect(actual).not.toEqual(expected);
      expect(expected.columns.filter((c) => !actual.columns.includes(c))).toEqual([
        expect.stringMatching(/^User\.nickname text YES/),
      ]);
    } finally {
      await Promise.all([migrated.drop(), fromSchema.drop()]);
    }
  });
});
