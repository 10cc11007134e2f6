// pnpm db:migrate — applies pending migrations to DATABASE_URL, or to the
// embedded PostgreSQL when DATABASE_URL is not set.
import "../env/exit-on-invalid";
import { resolveDatabase } from "../database-url";
import { migrate, MigrationError } from "../migrate";

const db = await resolveDatabase();
try {
  const result = await migrate(db.url, { log: console.log });
  console.log(
    result.applied.length
      ? `[db] ${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied`
      : `[db] database is up to date (${result.alreadyApplied.length} migrations)`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? `[db] ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
