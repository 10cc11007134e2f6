import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountKey } from "@fairlance/rules";
import { LocalFileStore } from "../files";
import { getFreelancerProfile } from "../read/freelancer-profile";
import { getClientProfile } from "../read/client-profile";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assertLedgerHolds, freshDatabase, type TestDatabase } from "../testing";
import { verifyCredentials } from "../services/verify-credentials";
import { reputationOf } from "../read/reputation";
import { DEMO_LOGINS, seedDemo } from "./demo";

let db: TestDatabase;
let root: string;
let store: LocalFileStore;
beforeAll(async () => {
  db = await freshDatabase();
  root = await mkdtemp(join(tmpdir(), "fairlance-seed-files-"));
  store = new LocalFileStore(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await db.drop();
});

it("seeds the demo accounts and open jobs once; running it again adds nothing", async () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const first = await seedDemo(db.prisma, now, { store });
  expect(first.created.length).toBeGreaterThan(DEMO_LOGINS.length);
  const counts = { users: await db.prisma.user.count(), jobs: await db.prisma.job.count({ where: { status: "OPEN" } }) };
  expect(counts.jobs).toBeGreaterThan(0);

  expect((await seedDemo(db.prisma, now, { store })).created).toEqual([]);
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

it("gives the demo's freelancers and clients full profiles, their photos and portfolio images stored", async () => {
  const now = new Date("2026-11-26T10:00:00Z");
  await seedDemo(db.prisma, now, { store });
  for (const email of ["fran@fairlance.test", "gus@fairlance.test"]) {
    const { id } = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const page = await getFreelancerProfile(db.prisma, id, id, now);
    expect(page.completeness, email).toEqual({ percent: 100, missing: [] });
    for (const url of [page.avatarUrl, ...page.portfolio.map((item) => item.imageUrl)]) {
      expect(await store.exists(url!.replace(/^\/files\//, "")), url!).toBe(true);
    }
  }
  const carol = await db.prisma.user.findUniqueOrThrow({ where: { email: "carol@acme.test" } });
  const client = await getClientProfile(db.prisma, carol.id, null);
  expect(client).toMatchObject({ displayName: "Acme Robotics", kindLabel: "Company", avatarUrl: expect.stringMatching(/^\/files\/images\//) });
});
