import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, createDatabaseIfMissing, dropDatabase, leaveExitCodeToCaller, withDatabase } from "../embedded";
import { migrate } from "../migrate";
import { removeStaleTestRuns, testRunDir } from "./test-runs";
import { dbEnv } from "../env";
import "./provided-context";


/**
 * vitest globalSetup: a PostgreSQL server for this test run (the embedded one
 * unless DATABASE_URL points at a server where we may create databases) and
 * a freshly migrated template database. The demo database is never touched.
 */
export function createGlobalSetup(name: string) {
  return async function setup(project: TestProject) {
    // A cluster of its own per run, so parallel runs never stop each other's server;
    // those of runs killed before their teardown go first.
    const dataDir = testRunDir(name);
    if (!dbEnv.DATABASE_URL) await removeStaleTestRuns();
    const server = dbEnv.DATABASE_URL
      ? null
      : await startEmbeddedPostgres({ dataDir, port: 0, log: () => undefined });
    const serverUrl = server?.serverUrl ?? withDatabase(dbEnv.DATABASE_URL!, "postgres");
    const template = `fairlance_test_${name.replace(/\W/g, "_")}_${process.pid}`;
    await dropDatabase(serverUrl, template);
    await createDatabaseIfMissing(serverUrl, template);
    await migrate(withDatabase(serverUrl, template));
    project.provide("testServerUrl", serverUrl);
    project.provide("testTemplateDatabase", template);

    return async () => {
      await dropTestDatabases(serverUrl, template);
      await server?.stop();
      if (server) rmSync(dataDir, { recursive: true, force: true });
      // The cluster is stopped: a failed run must exit 1, not 0 (embedded.ts).
      if (server) leaveExitCodeToCaller();
    };
  };
}

async function dropTestDatabases(serverUrl: string, template: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
    [template, `${template}\\_%`],
  );
  await client.end();
  for (const { datname } of rows) await dropDatabase(serverUrl, datname);
}
