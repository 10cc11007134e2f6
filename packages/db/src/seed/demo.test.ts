import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assertLedgerHolds, freshDatabase, type TestDatabase } from "../testing";
import { verifyCredentials } from "../services/verify-credentials";
import { reputationOf } from "../read/reputation";
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

  // Gus's reputation: three contracts for Dev rated 5, 4 and 5 stars, and his score (all good: 100).
  const gus = await db.prisma.user.findUniqueOrThrow({ where: { email: "gus@fairlance.test" } });
  const reputation = await reputationOf(db.prisma, gus.id, null, now);
  expect(reputation.rating).toMatchObject({ display: "4.7", fromText: "from 3 reviews" });
  expect(reputation.feedback.filter((entry) => entry.reply !== null)).toHaveLength(1);
  expect(reputation.jobSuccess?.score).toBe(100);
  expect(await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: gus.id } })).toMatchObject({ jobSuccessScore: 100 });

  const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN")!;
  await expect(verifyCredentials(db.prisma, { email: admin.email, password: admin.password, ip: "127.0.0.1", now })).resolves.toMatchObject({
    role: "ADMIN",
  });
});
