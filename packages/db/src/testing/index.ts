import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../client";
import { hashPassword } from "../auth/password";
import { dropDatabase, withDatabase } from "../embedded";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/** A new database copied from the migrated template: empty, private to the caller. */
export async function freshDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const template = inject("testTemplateDatabase");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const prisma = createPrismaClient(url, options);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** A new, empty database with no migrations applied (for migration tests). */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject("testServerUrl");
  const name = `${inject("testTemplateDatabase")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** Gives a test account a real password (fixtures are often made with a placeholder hash). */
export async function setPassword(prisma: PrismaClient, userId: string, password: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}
