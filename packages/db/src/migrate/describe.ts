import pg from "pg";

/**
 * A normalised description of what Prisma models in a database: tables and
 * columns, enums, primary/unique/foreign keys and indexes. CHECK constraints,
 * triggers and indexes named `manual_*` are hand-written SQL that Prisma
 * cannot express, so they are left out.
 */
export interface SchemaDescription {
  columns: string[];
  enums: string[];
  constraints: string[];
  indexes: string[];
}

export async function describeSchema(databaseUrl: string): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ line: string }>(`
      SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const enums = await client.query<{ line: string }>(`
      SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
      GROUP BY t.typname`);
    const constraints = await client.query<{ line: string }>(`
      SELECT rel.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
      FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = 'public'
      WHERE c.contype IN ('p', 'u', 'f') AND rel.relname <> '_prisma_migrations'`);
    const indexes = await client.query<{ line: string }>(`
      SELECT indexdef AS line FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'manual\\_%'`);
    const sorted = (result: { rows: { line: string }[] }) => result.rows.map((row) => row.line).sort();
    return { columns: sorted(columns), enums: sorted(enums), constraints: sorted(constraints), indexes: sorted(indexes) };
  } finally {
    await client.end();
  }
}
