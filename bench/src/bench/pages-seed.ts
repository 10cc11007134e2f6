// The marketplace the `pages` part opens in Lighthouse: the demo data of `pnpm start`
// (seedDemo: two clients, two freelancers, an admin, four jobs with proposals and a contract
// Carol → Fran with one milestone paid and one funded), plus what the demo lacks for the
// dynamic pages and the admin queues, made through the same services: the funded milestone
// delivered and disputed by the client (with both sides' statements), messages on the
// contract, and a message the scam shield flags for the moderation queue.
import { addStatement, disputeMilestone, sendMessage, submitWork } from "@fairlance/db/services";
import { DEMO_LOGINS, seedDemo } from "@fairlance/db/setup";
import { type PrismaClient } from "@fairlance/db";
import { key } from "@fairlance/db/testing";
import { renderEmail } from "@fairlance/db/notifications";

export type SignedInRole = "freelancer" | "client" | "admin";

/** Who signs in for each role (demo accounts), and the ids the dynamic routes need. */
export interface PagesMarketplace {
  logins: Record<SignedInRole, { email: string; password: string; id: string }>;
  /** Carol's job with two proposals, Fran hired on it. */
  clientJobId: string;
  /** Carol's job with Gus's proposal, nobody hired yet: the hire page's proposal. */
  hireJobId: string;
  hireProposalId: string;
  /** An open job Fran has not proposed on (the job page with the proposal form). */
  openJobId: string;
  /** The contract Carol → Fran, with a paid milestone and a disputed one. */
  contractId: string;
  disputeId: string;
  /** An email of the demo mailbox (issue 16), and an unsubscribe page's path (set once the server's secret is known: bench.ts). */
  emailId: string;
  unsubscribePath: string;
}

const EMAILS: Record<SignedInRole, string> = { freelancer: "fran@fairlance.test", client: "carol@acme.test", admin: "admin@fairlance.test" };

export async function seedPagesMarketplace(prisma: PrismaClient, now: Date, log: (line: string) => void): Promise<PagesMarketplace> {
  await seedDemo(prisma, now);
  const user = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const job = async (title: string) => (await prisma.job.findFirstOrThrow({ where: { title }, select: { id: true } })).id;
  const [fran, carol, gus] = [await user(EMAILS.freelancer), await user(EMAILS.client), await user("gus@fairlance.test")];
  const logins = {} as PagesMarketplace["logins"];
  for (const role of ["freelancer", "client", "admin"] as const) {
    const login = DEMO_LOGINS.find((l) => l.email === EMAILS[role]);
    if (!login) throw new Error(`the demo seed has no ${EMAILS[role]} any more; update bench/src/bench/pages-seed.ts`);
    logins[role] = { email: login.email, password: login.password, id: await user(login.email) };
  }

  const contract = await prisma.contract.findFirstOrThrow({
    where: { clientId: carol, freelancerId: fran },
    select: { id: true, milestones: { where: { status: "FUNDED" }, select: { id: true }, take: 1 } },
  });
  const funded = contract.milestones[0];
  if (!funded) throw new Error("the demo contract Carol → Fran has no funded milestone to dispute");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  await sendMessage(prisma, { actorId: carol, now: at(1), idempotencyKey: key("pages"), contractId: contract.id, body: "Thanks for the designs! Could the build include the contact form's spam protection?" });
  await sendMessage(prisma, { actorId: fran, now: at(2), idempotencyKey: key("pages"), contractId: contract.id, body: "Yes: a honeypot field and rate limiting on the endpoint. I will deploy to staging this week." });
  await submitWork(prisma, { actorId: fran, now: at(3), idempotencyKey: key("pages"), milestoneId: funded.id, note: "Deployed to staging: every section, the contact form and the CMS hookup." });
  const dispute = await disputeMilestone(prisma, {
    actorId: carol,
    now: at(4),
    idempotencyKey: key("pages"),
    milestoneId: funded.id,
    reason: "The contact form does not send messages",
    statement: "On staging the contact form shows a success message but nothing arrives in our inbox. The brief lists a working form.",
    links: ["https://staging.example.com/contact"],
  });
  await addStatement(prisma, {
    actorId: fran,
    now: at(5),
    idempotencyKey: key("pages"),
    disputeId: dispute.disputeId,
    text: "The form posts to the endpoint Carol's team gave me; their mail provider rejects it. Logs attached.",
    links: ["https://example.com/logs/contact-form"],
  });

  const hireJobId = await job("Fix a flaky CSV import");
  const hire = await prisma.proposal.findFirstOrThrow({ where: { jobId: hireJobId, freelancerId: gus }, select: { id: true } });
  const flagged = await sendMessage(prisma, {
    actorId: gus,
    now: at(6),
    idempotencyKey: key("pages"),
    proposalId: hire.id,
    body: "I can start today. To save the fees, you could pay me outside the platform: gus.lindqvist@example.com",
  });
  log(`[bench] pages: demo marketplace seeded, plus a dispute, contract messages and a flagged message (${flagged.flags.join(", ") || "not flagged"})`);

  return {
    logins,
    clientJobId: await job("Landing page for a robotics startup"),
    hireJobId,
    hireProposalId: hire.id,
    openJobId: await job("PostgreSQL performance review"),
    contractId: contract.id,
    disputeId: dispute.disputeId,
    emailId: await someEmail(prisma, at(7)),
    unsubscribePath: "/unsubscribe",
  };
}

/** The newest email of the outbox, or one written with the app's email layout when nothing was emailed yet. */
async function someEmail(prisma: PrismaClient, now: Date): Promise<string> {
  const newest = await prisma.emailOutbox.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  if (newest) return newest.id;
  const { text, html } = renderEmail({ preheader: "A test email.", heading: "Welcome to the demo mailbox", paragraphs: ["Every email of this server is shown here."] });
  const row = await prisma.emailOutbox.create({
    data: { toAddress: "fran@fairlance.test", kind: "notification", dedupeKey: `bench:sample:${now.getTime()}`, subject: "Welcome to the demo mailbox", text, html, nextAttemptAt: now, createdAt: now },
    select: { id: true },
  });
  return row.id;
}
