import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../client";
import { MIGRATIONS_DIR } from "../paths";
import { emptyDatabase } from "../testing";
import { migrate } from "./migrate";

const REPUTATION = readdirSync(MIGRATIONS_DIR).find((entry) => /^\d{14}_reputation$/.test(entry))!;

/** The migrations before `name` (or up to it, with `through`), to make a database as it was then. */
function migrationsBefore(name: string, through = false) {
  const dir = mkdtempSync(join(tmpdir(), "fairlance-migrations-"));
  for (const entry of readdirSync(MIGRATIONS_DIR)) {
    if (/^\d{14}_/.test(entry) && (entry < name || (through && entry === name))) cpSync(join(MIGRATIONS_DIR, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

let database: { url: string; drop(): Promise<void> };
let prisma: PrismaClient;
beforeAll(async () => {
  database = await emptyDatabase();
  await migrate(database.url, { dir: migrationsBefore(REPUTATION) });
  prisma = createPrismaClient(database.url, { max: 2 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

// The database is as it was before the migration, so rows go in with SQL: the client is the new schema's.
const joined = new Date("2026-01-15T09:00:00Z");
async function person(role: "CLIENT" | "FREELANCER" | "ADMIN") {
  const id = randomUUID();
  await prisma.$executeRaw`INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${`${id}@test.local`}, ${role}, ${role}::"Role", 'x', ${joined}, ${joined})`;
  return id;
}
async function job(clientId: string) {
  const id = randomUUID();
  await prisma.$executeRaw`INSERT INTO "Job" (id, "clientId", title, description, type, status, "budgetMinor", "durationDays", "experienceLevel", "publishedAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${clientId}::uuid, 'A landing page', 'A landing page for a shop, fast.', 'FIXED', 'OPEN', 100000, 30, 'INTERMEDIATE', ${joined}, ${joined}, ${joined})`;
  return id;
}
const invite = (jobId: string, freelancerId: string) =>
  prisma.$executeRaw`INSERT INTO "Invitation" (id, "jobId", "freelancerId", message, "createdAt") VALUES (${randomUUID()}::uuid, ${jobId}::uuid, ${freelancerId}::uuid, 'Would you apply?', ${joined})`;

describe(`migration ${REPUTATION}`, () => {
  it("gives every freelancer and client an empty profile of their role (an admin none), and accepts the invitations already answered by a proposal", async () => {
    const [client, fran, olga, admin] = [await person("CLIENT"), await person("FREELANCER"), await person("FREELANCER"), await person("ADMIN")];
    const jobId = await job(client);
    await invite(jobId, fran);
    await invite(jobId, olga);
    const proposedAt = new Date("2026-02-01T10:00:00Z");
    await prisma.$executeRaw`INSERT INTO "Proposal" (id, "jobId", "freelancerId", "coverLetter", "bidMinor", invited, "connectCost", "submittedAt")
      VALUES (${randomUUID()}::uuid, ${jobId}::uuid, ${fran}::uuid, 'I have built many pages like this one.', 90000, true, 0, ${proposedAt})`;

    expect((await migrate(database.url, { dir: migrationsBefore(REPUTATION, true) })).applied).toEqual([REPUTATION]);

    const freelancers = await prisma.freelancerProfile.findMany({ orderBy: { userId: "asc" }, select: { userId: true, title: true, skills: true, languages: true, avatarKey: true, updatedAt: true } });
    expect(freelancers).toEqual(
      [fran, olga].sort().map((userId) => ({ userId, title: "", skills: [], languages: [], avatarKey: null, updatedAt: joined })),
    );
    expect(await prisma.clientProfile.findMany({ select: { userId: true, companyName: true, updatedAt: true } })).toEqual([{ userId: client, companyName: "", updatedAt: joined }]);
    expect(await prisma.freelancerProfile.count({ where: { userId: admin } })).toBe(0);
    expect(await prisma.clientProfile.count({ where: { userId: admin } })).toBe(0);

    const invitations = await prisma.invitation.findMany({ select: { freelancerId: true, status: true, respondedAt: true, declineReason: true } });
    expect(invitations.find((row) => row.freelancerId === fran)).toEqual({ freelancerId: fran, status: "ACCEPTED", respondedAt: proposedAt, declineReason: null });
    expect(invitations.find((row) => row.freelancerId === olga)).toEqual({ freelancerId: olga, status: "PENDING", respondedAt: null, declineReason: null });

    // The talent search document is kept by PostgreSQL from the profile's columns.
    await prisma.freelancerProfile.update({ where: { userId: fran }, data: { title: "Senior React developer", skills: ["TypeScript"] } });
    const [found] = await prisma.$queryRaw<{ userId: string }[]>`SELECT "userId"::text FROM "FreelancerProfile" WHERE "searchDocument" @@ to_tsquery('english', 'react & typescript')`;
    expect(found?.userId).toBe(fran);
  });
});
