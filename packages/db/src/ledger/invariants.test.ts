import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../testing";
import { runTransaction } from "../transaction";
import { makeUser } from "../testing";
import { checkInvariants, INVARIANT_CHECKS, runInvariantCheck } from "./invariants";

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

  it("runs each check on its own, with the same result as in the whole report", async () => {
    const report = await checkInvariants(db.prisma);
    expect(INVARIANT_CHECKS.map((c) => c.id)).toEqual(report.checks.map((c) => c.id));
    for (const check of report.checks) expect(await runInvariantCheck(db.prisma, check.id)).toEqual(check);
    await expect(runInvariantCheck(db.prisma, "7.9-nothing")).rejects.toThrow('There is no ledger invariant "7.9-nothing".');
  });
});

describe("7.6 connect lots", () => {
  async function lot(userId: string, source: string, issued: number, remaining: number, entries: [kind: string, delta: number][]): Promise<string> {
    const [row] = await db.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "ConnectLot" (id, "userId", source, issued, remaining, "issuedAt", "expiresAt", reason)
      VALUES (gen_random_uuid(), ${userId}::uuid, ${source}::"ConnectSource", ${issued}, ${remaining}, now(), now() + interval '1 year', 'test') RETURNING id::text`;
    for (const [kind, delta] of entries) {
      await db.prisma.$executeRaw`
        INSERT INTO "ConnectEntry" ("userId", "lotId", kind, delta, reason, "idempotencyKey", "createdAt")
        VALUES (${userId}::uuid, ${row!.id}::uuid, ${kind}::"ConnectEntryKind", ${delta}, 'test', ${`lot-test-${Math.random()}`}, now())`;
    }
    return row!.id;
  }
  const lots = () => runInvariantCheck(db.prisma, "7.6-lots");

  it("holds for granted, spent, refunded and reissued lots, and names a lot whose remaining or issue disagrees with its entries", async () => {
    const fay = await makeUser(db.prisma, "FREELANCER");
    await lot(fay.id, "ADMIN_GRANT", 10, 4, [["GRANT", 10], ["SPEND", -6], ["REFUND", 2], ["SPEND", -2]]);
    // A refund that could not go back to its expired lot is reissued: no grant entry of its own.
    await lot(fay.id, "REFUND_REISSUE", 3, 3, [["REFUND", 3]]);
    expect(await lots()).toMatchObject({ ok: true, violationCount: 0 });

    const drifted = await lot(fay.id, "SIGNUP", 10, 9, [["GRANT", 10]]);
    const overIssued = await lot(fay.id, "PURCHASE", 20, 10, [["PURCHASE", 10]]);
    const granted = await lot(fay.id, "REFUND_REISSUE", 4, 8, [["GRANT", 4], ["REFUND", 4]]);
    const report = await lots();
    expect(report.ok).toBe(false);
    expect(report.violations.sort()).toEqual(
      [
        `lot ${drifted}: remaining 9, entries 10, issued 10, granted or bought 10`,
        `lot ${overIssued}: remaining 10, entries 10, issued 20, granted or bought 10`,
        `lot ${granted}: remaining 8, entries 8`,
      ].sort(),
    );
  });
});
