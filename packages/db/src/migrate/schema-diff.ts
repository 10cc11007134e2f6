import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SCHEMA_PATH } from "../paths";

// Prisma's migration engine compiled to wasm: computes SQL between two Prisma
// schemas without the native binary (which cannot be downloaded offline).
// Must run under `node --experimental-wasm-modules` on Node 20.
type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => undefined, adapter);
  const target = (content: string | null): DiffTarget =>
    content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
  try {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

export const readSchema = () => readFileSync(SCHEMA_PATH, "utf8");

/** A diff script with no statement in it ("-- This is an empty migration."). */
export const isEmptyDiff = (sql: string) =>
  sql
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("--")).length === 0;
