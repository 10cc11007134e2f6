// Prints the SQL that creates schema.prisma (or the schema file given as the
// first argument) from an empty database. Used by the drift test; runs under
// `node --experimental-wasm-modules --import tsx`.
import "../env/exit-on-invalid";
import { readFileSync } from "node:fs";
import { startEmbeddedPostgres } from "../embedded";
import { diffSchemas, readSchema } from "../migrate/schema-diff";
import { dbEnv } from "../env";

const schema = process.argv[2] ? readFileSync(process.argv[2], "utf8") : readSchema();
const server = dbEnv.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ name: "migration-scratch", port: 0, log: () => undefined });
try {
  process.stdout.write(await diffSchemas(dbEnv.DATABASE_URL ?? server!.serverUrl, null, schema));
} finally {
  await server?.stop();
}
