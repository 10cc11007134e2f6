import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing";
import { runTransaction } from "../transaction";
import { checkInvariants } from "./invariants";

// A small ledger written directly, so each test can break exactly one thing.
let db: TestDatabase;
beforeAll(async () => {
  // Broken on purpose, test by test: its drop() skips the invariant check.
  db = await freshDatabase({ ledgerCheck: false });
});
afterAll(async () => {
  await db.drop();
});

async function account(key: string, kind: string): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerAccount" (id, key, kind) VALUES (gen_random_uuid(), ${key}, ${kind}) RETURNING id::text`;
  return row!.id;
}

async function transfer(key: string, operation: string, debit: string, credit: string, amount: bigint) {
  await db.prisma.$executeRaw`
    INSERT INTO "LedgerTransfer" ("idempotencyKey", operation, kind, "debitAccountId", "creditAccountId", "amountMinor", memo, "createdAt")
    VALUES (${key}, ${operation}, 'test', ${debit}::uuid, ${credit}::uuid, ${amount}, 'test', now())`;
  await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" - ${amount} WHERE id = ${debit}::uuid`;
  await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" + ${amount} WHERE id = ${credit}::uuid`;
}

const failing = async () => (await checkInvariants(db.prisma)).checks.filter((c) => !c.ok);

describe("checkInvariants", () => {
  let gateway: string;
  let funding: string;
  let escrow: string;
  let available: string;

  it("passes a balanced ledger whose cached balances match, with the same report inside a transaction", async () => {
    gateway = await account("card_gateway", "card_gateway");
    funding = await account("client_funding:c1", "client_funding");
    escrow = await account("escrow_milestone:m1", "escrow_milestone");
    available = await account("freelancer_available:f1", "freelancer_available");
    await account("freelancer_available:f2", "freelancer_available"); // no transfers at all
    await transfer("milestone.fund:c1:k1#0", "milestone.fund", gateway, funding, 5_000n);
    await transfer("milestone.fund:c1:k1#1", "milestone.fund", funding, escrow, 5_000n);
    await transfer("milestone.approve:c1:k2#0", "milestone.approve", escrow, available, 4_000n);

    const report = await checkInvariants(db.prisma);
    expect(report.ok).toBe(true);
    expect(report.transfers).toBe(3);
    expect(report.accounts).toBe(5);
    const inTransaction = await runTransaction(db.prisma, (tx) => checkInvariants(tx));
    expect(inTransaction).toEqual(report);
  });

  it("names an idempotency key whose transfers come from two operations", async () => {
    await transfer("milestone.fund:c1:k1#2", "milestone.refund", escrow, funding, 1_000n);
    await transfer("milestone.fund:c1:k1#3", "milestone.refund", funding, gateway, 1_000n);
    const [check, ...others] = await failing();
    expect(others).toEqual([]);
    expect(check).toMatchObject({
      id: "7.4-idempotency",
      violationCount: 1,
      violations: ["key milestone.fund:c1:k1 used by operations milestone.fund and milestone.refund"],
    });
  });

  it("names each account whose cached balance drifted: credited only, debited only, or without transfers", async () => {
    const drifted = await db.prisma.$executeRaw`
      UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" + 1 WHERE key IN ('card_gateway', 'freelancer_available:f1', 'freelancer_available:f2')`;
    expect(drifted).toBe(3);
    const cached = (await failing()).find((c) => c.id === "7.2-cached-balances")!;
    expect(cached.violations.sort()).toEqual([
      "card_gateway: cached -3999, transfers -4000",
      "freelancer_available:f1: cached 4001, transfers 4000",
      "freelancer_available:f2: cached 1, transfers 0",
    ]);
  });
});
