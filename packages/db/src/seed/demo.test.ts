import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assertLedgerHolds, freshDatabase, type TestDatabase } from "../testing";
import { verifyCredentials } from "../services/verify-credentials";
import { DEMO_LOGINS, seedDemo } from "./demo";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

it("seeds the demo accounts and open jobs once; running it again adds nothing", async () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const first = await seedDemo(db.prisma, now);
  expect(first.created.length).toBeGreaterThan(DEMO_LOGINS.length);
  const counts = { users: await db.prisma.user.count(), jobs: await db.prisma.job.count({ where: { status: "OPEN" } }) };
  expect(counts.jobs).toBeGreaterThan(0);

  expect((await seedDemo(db.prisma, now)).created).toEqual([]);
  expect(await db.prisma.user.count()).toBe(counts.users);

  // The demo data went through the services: the ledger holds, and Fran was paid
  // $500 − 20% = $400 for the first milestone, pending for the security period.
  await assertLedgerHolds(db.prisma);
  const fran = await db.prisma.user.findUniqueOrThrow({ where: { email: "fran@fairlance.test" } });
  expect(await db.prisma.ledgerAccount.findUnique({ where: { key: accountKey({ kind: "freelancer_pending", userId: fran.id }) } })).toMatchObject({ balanceMinor: 40_000n });
  expect(await db.prisma.connectLot.aggregate({ where: { userId: fran.id }, _sum: { remaining: true } })).toEqual({ _sum: { remaining: 15 } }); // 20 on sign-up − 5 for a $1,200 job lasting under a month

  const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN")!;
  await expect(verifyCredentials(db.prisma, { email: admin.email, password: admin.password, ip: "127.0.0.1", now })).resolves.toMatchObject({
    role: "ADMIN",
  });
});
