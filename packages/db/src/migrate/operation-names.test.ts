import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../client";
import { OPERATIONS } from "../operations";
import { MIGRATIONS_DIR } from "../paths";
import { emptyDatabase } from "../testing";
import { migrate } from "./migrate";

const RENAME = "20261203040000_operation_names";

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
  await migrate(database.url, { dir: migrationsBefore(RENAME) });
  prisma = createPrismaClient(database.url, { max: 2 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe(`migration ${RENAME}`, () => {
  it("renames stored operations and the starts of their keys, so every stored key keeps its meaning", async () => {
    // A person as the database was then: by SQL, since makeUser also makes the profile a later migration adds.
    const u = randomUUID();
    await prisma.$executeRaw`INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt")
      VALUES (${u}::uuid, ${`${u}@test.local`}, 'Then', 'FREELANCER', 'not-a-real-hash', now(), now())`;
    await prisma.idempotencyRecord.createMany({
      data: [
        { key: `fund_milestone:${u}:k1`, userId: u, operation: "fund_milestone", requestHash: "h", result: {} },
        { key: `user.end_sessions:${u}:k2`, userId: u, operation: "user.end_sessions", requestHash: "h", result: {} },
        { key: `proposal.submit:${u}:k3`, userId: u, operation: "proposal.submit", requestHash: "h", result: {} },
      ],
    });
    const [a, b] = await Promise.all([
      prisma.ledgerAccount.create({ data: { key: "card_gateway", kind: "card_gateway" } }),
      prisma.ledgerAccount.create({ data: { key: `freelancer_pending:${u}`, kind: "freelancer_pending", userId: u } }),
    ]);
    const leg = (idempotencyKey: string, operation: string) => ({ idempotencyKey, operation, kind: "k", debitAccountId: a.id, creditAccountId: b.id, amountMinor: 1n, memo: "m", createdAt: new Date() });
    await prisma.ledgerTransfer.createMany({
      data: [
        leg(`fund_milestone:${u}:k1#0`, "fund_milestone"),
        leg("clear_pending:p1#0", "clear_pending"),
        leg("withdrawal:w1:settle#1", "withdrawal_settle"),
        leg(`payout.withdraw:${u}:k4#0`, "withdrawal"),
        leg(`end_contract:${u}:k5:m1#0`, "end_contract"),
        leg("auto_approve:m2#0", "auto_approve_milestone"),
        leg("hourly_invoice:w2#0", "invoice_hourly_week"),
        leg("hourly_release:w2#0", "release_hourly_week"),
        leg(`auto_withdrawal:${u}:2026-12-01#0`, "auto_withdrawal"),
        leg(`connects.buy:${u}:k6#0`, "connects.buy"),
      ],
    });
    const lot = await prisma.connectLot.create({
      data: { userId: u, source: "SIGNUP", issued: 10, remaining: 10, issuedAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000), reason: "signup_grant" },
    });
    const entry = (idempotencyKey: string) => ({ userId: u, lotId: lot.id, kind: "GRANT" as const, delta: 1, reason: "signup_grant", idempotencyKey, createdAt: new Date() });
    await prisma.connectEntry.createMany({ data: [entry(`signup:${u}#0`), entry(`proposal.submit:${u}:k7:cost#0`), entry(`hire_proposal:${u}:k8:p1#0`)] });

    expect((await migrate(database.url, { dir: migrationsBefore(RENAME, true) })).applied).toEqual([RENAME]);

    const records = await prisma.idempotencyRecord.findMany({ orderBy: { key: "asc" }, select: { key: true, operation: true } });
    expect(records).toEqual([
      { key: `milestone.fund:${u}:k1`, operation: "milestone.fund" },
      { key: `proposal.submit:${u}:k3`, operation: "proposal.submit" },
      { key: `user.endSessions:${u}:k2`, operation: "user.endSessions" },
    ]);
    const transfers = await prisma.ledgerTransfer.findMany({ orderBy: { id: "asc" }, select: { idempotencyKey: true, operation: true } });
    expect(transfers).toEqual([
      { idempotencyKey: `milestone.fund:${u}:k1#0`, operation: "milestone.fund" },
      { idempotencyKey: "earnings.clear:system:p1#0", operation: "earnings.clear" },
      { idempotencyKey: "payout.settle:system:w1#1", operation: "payout.settle" },
      { idempotencyKey: `payout.withdraw:${u}:k4#0`, operation: "payout.withdraw" },
      { idempotencyKey: `contract.end:${u}:k5:m1#0`, operation: "contract.end" },
      { idempotencyKey: "milestone.autoApprove:system:m2#0", operation: "milestone.autoApprove" },
      { idempotencyKey: "hourly.invoice:system:w2#0", operation: "hourly.invoice" },
      { idempotencyKey: "hourly.release:system:w2#0", operation: "hourly.release" },
      { idempotencyKey: `payout.autoWithdraw:${u}:2026-12-01#0`, operation: "payout.autoWithdraw" },
      { idempotencyKey: `connects.buy:${u}:k6#0`, operation: "connects.buy" },
    ]);
    for (const { operation } of transfers) expect(OPERATIONS).toContain(operation);
    const entries = await prisma.connectEntry.findMany({ orderBy: { idempotencyKey: "asc" }, select: { idempotencyKey: true } });
    expect(entries.map((e) => e.idempotencyKey)).toEqual([`connects.signUpGrant:system:${u}#0`, `contract.hire:${u}:k8:p1#0`, `proposal.submit:${u}:k7:cost#0`]);
    // The ledger and the connects entries are append-only again.
    await expect(prisma.ledgerTransfer.updateMany({ data: { memo: "changed" } })).rejects.toThrow(/append-only/);
    await expect(prisma.connectEntry.updateMany({ data: { note: "changed" } })).rejects.toThrow(/append-only/);
  });
});
