import { cpus, loadavg, totalmem } from "node:os";
import pg from "pg";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  /** 1-minute load average when the run started (other work on the machine skews the figures). */
  loadAtStart: number;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    const list = cpus();
    return {
      cpu: list[0]?.model.trim() ?? "unknown",
      cores: list.length,
      ramGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      postgres: `PostgreSQL ${rows[0]?.server_version ?? "?"} (embedded)`,
      loadAtStart: loadavg()[0]!,
    };
  } finally {
    await client.end();
  }
}
