import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReplicaReads } from "@fairlance/db/client";
import { freshDatabase, makeUser, openJob, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { appRouter } from "@/server/root";
import { createCallerFactory, createContextInner } from "@/server/trpc";
import { people } from "./marketplace-fixtures";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const createCaller = createCallerFactory(appRouter);

// The "replica" is another database with other content, so an answer says where the read ran.
let primary: TestDatabase;
let replica: TestDatabase;
let reads: ReplicaReads;
let the: Awaited<ReturnType<typeof people>>;

beforeAll(async () => {
  [primary, replica] = await Promise.all([freshDatabase(), freshDatabase()]);
  the = await people(primary.prisma);
  await the.grant(the.users.freelancer.id, 40);
  await the.job(the.users.client.id, true, { title: "Posted on the primary" });
  await openJob(replica.prisma, (await makeUser(replica.prisma, "CLIENT")).id, new Date(), { title: "Only on the replica" });
  const replicaFreelancer = await makeUser(replica.prisma, "FREELANCER");
  await replica.prisma.freelancerProfile.update({ where: { userId: replicaFreelancer.id }, data: { title: "Replica-only auditor" } });
  await primary.prisma.freelancerProfile.update({ where: { userId: the.users.freelancer.id }, data: { title: "Primary auditor" } });
  reads = new ReplicaReads({ url: replica.url, log: () => undefined });
});
afterAll(async () => {
  await reads?.close();
  await Promise.all([primary?.drop(), replica?.drop()]);
});

/** A caller whose stale reads go to the "replica" (the session is checked on the primary, as always). */
function callerFor(user: TestUser) {
  const session: Session = { user, expires: new Date(Date.now() + 3_600_000).toISOString() };
  return createCaller(createContextInner({ session, prisma: primary.prisma, mayBeStale: (read) => reads.read(primary.prisma, read) }));
}

describe("reads that may be stale", () => {
  it("job and talent search read the replica", async () => {
    expect((await callerFor(the.users.freelancer).job.search({})).jobs.map((job) => job.title)).toEqual(["Only on the replica"]);
    expect((await callerFor(the.users.client).talent.search({})).freelancers.map((f) => f.title)).toEqual(["Replica-only auditor"]);
  });

  it("a freelancer's own profile reads the primary; someone else's page may read the replica", async () => {
    const own = await callerFor(the.users.freelancer).profile.freelancer({ freelancerId: the.users.freelancer.id });
    expect(own.title).toBe("Primary auditor");
    // Not on the replica: the replica's answer (not found) shows that a client's look went there.
    await expect(callerFor(the.users.client).profile.freelancer({ freelancerId: the.users.freelancer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("balances, the person's own lists and the pages that decide read the primary", async () => {
    const freelancer = callerFor(the.users.freelancer);
    expect((await freelancer.connects.overview()).balance).toBe(40);
    const client = callerFor(the.users.client);
    expect((await client.job.listMine()).map((job) => job.title)).toEqual(["Posted on the primary"]);
    expect((await client.dashboard.client()).jobs.map((job) => job.title)).toEqual(["Posted on the primary"]);
  });
});

describe("docs/architecture.md", () => {
  it("lists exactly the procedures that use ctx.mayBeStale as reading the replica", () => {
    const routers = join(repo, "apps/web/server/routers");
    const files = (readdirSync(routers, { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts"))
      .filter((file) => readFileSync(join(routers, file), "utf8").includes("ctx.mayBeStale("))
      .map((file) => relative(repo, join(routers, file)))
      .sort();
    const table = readFileSync(join(repo, "docs/architecture.md"), "utf8");
    const documented = [...table.matchAll(/^\| `[^`]+` \| `([^`]+)` \| replica/gm)].map((row) => row[1]!);
    expect([...new Set(documented)].sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
  });
});
