import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { emptyDatabase } from "../testing";
import { MIGRATIONS_DIR } from "../paths";
import { migrate, MigrationError, readMigrations } from "./migrate";

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(drops.splice(0).map((drop) => drop()));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "fairlance-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("applies every migration once and records it the way Prisma Migrate does", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    const first = await migrate(db.url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect(first.applied.length).toBeGreaterThan(0);

    const second = await migrate(db.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(first.applied.length);
    const firstName = first.applied[0]!;
    const bytes = readFileSync(join(MIGRATIONS_DIR, firstName, "migration.sql"));
    expect(rows[0]).toMatchObject({
      migration_name: firstName,
      checksum: createHash("sha256").update(bytes).digest("hex"),
      applied_steps_count: 1,
    });
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
  });

  it("rolls a failing migration back entirely and says which one and why", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    const dir = migrationsDir({
      "20260101000000_good": `CREATE TABLE "a" (id int);`,
      "20260102000000_bad": `CREATE TABLE "b" (id int);\nINSERT INTO "missing_table" VALUES (1);`,
      "20260103000000_later": `CREATE TABLE "c" (id int);`,
    });
    const failure = await migrate(db.url, { dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("20260102000000_bad");
    expect((failure as Error).message).toMatch(/20260102000000_bad failed \(near line 2\): relation "missing_table" does not exist/);
    expect((failure as Error).message).toMatch(/rolled back/);

    const tables = await query<{ tablename: string }>(db.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "a"]);
    const recorded = await query<{ migration_name: string }>(db.url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    const dir = migrationsDir({ "20260101000000_good": `CREATE TABLE "a" (id int);` });
    await migrate(db.url, { dir });
    writeFileSync(join(dir, "20260101000000_good", "migration.sql"), `CREATE TABLE "a" (id bigint);`);
    await expect(migrate(db.url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it("lets concurrent migrators apply each migration exactly once", async () => {
    const db = await emptyDatabase();
    drops.push(db.drop);
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, readMigrations().length]);
  });
});
