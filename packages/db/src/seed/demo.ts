import type { PrismaClient } from "../client";
import { hashPassword } from "../auth/password";
import { DatabaseBooks, SANDBOX_CARDS, SandboxGateway } from "../gateway/sandbox";
import { acceptOffer } from "../services/contracts/accept-offer";
import { approveMilestone } from "../services/contracts/approve-milestone";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { hireProposal } from "../services/contracts/hire-proposal";
import { submitWork } from "../services/contracts/submit-work";
import { endContract } from "../services/contracts/end-contract";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { updateReputation } from "../services/feedback/job-success";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { replyToFeedback } from "../services/feedback/reply-to-feedback";
import { inviteFreelancer } from "../services/jobs/invite-freelancer";
import { postJob } from "../services/jobs/post-job";
import { submitProposal } from "../services/jobs/submit-proposal";
import { addPaymentMethod } from "../services/payments/add-payment-method";
import { saveFreelancer } from "../services/saved/save-freelancer";
import { saveJob } from "../services/saved/save-job";
import { sendMessage } from "../services/messages/send-message";
import { signUp } from "../services/sign-up";
import type { FileStore } from "../files";
import { seedDemoProfiles } from "./demo-profiles";
import { DEMO_LOGINS } from "./demo-logins";

export { DEMO_LOGINS, type DemoLogin } from "./demo-logins";

interface DemoJob {
  client: string;
  title: string;
  description: string;
  type: "FIXED" | "HOURLY";
  budgetMinor?: bigint;
  hourlyMinMinor?: bigint;
  hourlyMaxMinor?: bigint;
  estimatedHours?: number;
  durationDays: number;
  experienceLevel: "ENTRY" | "INTERMEDIATE" | "EXPERT";
  skills: string[];
}

const DEMO_JOBS: DemoJob[] = [
  {
    client: "carol@acme.test",
    title: "Landing page for a robotics startup",
    description: "Design and build a responsive landing page in Next.js with a contact form. Copy and brand assets provided.",
    type: "FIXED",
    budgetMinor: 120_000n,
    durationDays: 14,
    experienceLevel: "INTERMEDIATE",
    skills: ["Next.js", "Tailwind CSS", "Design"],
  },
  {
    client: "carol@acme.test",
    title: "Fix a flaky CSV import",
    description: "Our nightly CSV import fails about once a week. Find the cause and fix it; the code is a small Node script.",
    type: "FIXED",
    budgetMinor: 4_000n,
    durationDays: 1,
    experienceLevel: "ENTRY",
    skills: ["Node.js", "Debugging"],
  },
  {
    client: "dev@northwind.test",
    title: "PostgreSQL performance review",
    description: "Review slow queries and indexes of an order-management database (about 50 GB) and propose fixes.",
    type: "HOURLY",
    hourlyMinMinor: 6_000n,
    hourlyMaxMinor: 9_000n,
    estimatedHours: 20,
    durationDays: 21,
    experienceLevel: "EXPERT",
    skills: ["PostgreSQL", "Performance"],
  },
  {
    client: "dev@northwind.test",
    title: "Translate product pages to Spanish",
    description: "Translate 12 short product pages (about 4,000 words) from English to Spanish, keeping the tone friendly.",
    type: "FIXED",
    budgetMinor: 30_000n,
    durationDays: 5,
    experienceLevel: "INTERMEDIATE",
    skills: ["Translation", "Spanish"],
  },
];

/**
 * Creates the demo accounts, jobs and a contract in progress through the same
 * services the app uses (so the demo data obeys every rule and the ledger
 * balances), and gives its people real profiles (demo-profiles.ts, images in `deps.store` or the
 * configured file store); whatever already exists is skipped, so running it again changes nothing.
 */
export async function seedDemo(prisma: PrismaClient, now: Date, deps: { store?: FileStore } = {}): Promise<{ created: string[] }> {
  // The sandbox keeps its books in this database (whatever DATABASE_URL says), so the app's
  // reconciliation finds the demo's charges at the "gateway".
  const gateway = new SandboxGateway({ books: new DatabaseBooks(() => prisma) });
  const created: string[] = [];
  for (const login of DEMO_LOGINS) {
    const exists = await prisma.user.findUnique({ where: { email: login.email }, select: { id: true } });
    if (exists) continue;
    if (login.role === "ADMIN") {
      await prisma.user.create({
        data: { email: login.email, name: login.name, role: "ADMIN", passwordHash: await hashPassword(login.password), emailVerifiedAt: now },
      });
    } else {
      await signUp(prisma, { email: login.email, name: login.name, password: login.password, role: login.role, ip: "demo-seed", now }, { emailVerified: true });
    }
    created.push(login.email);
  }

  const id = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const key = (name: string) => `seed-${name}`;

  for (const email of ["carol@acme.test", "dev@northwind.test"]) {
    const clientId = await id(email);
    if (await prisma.paymentMethod.count({ where: { userId: clientId } })) continue;
    await addPaymentMethod(prisma, {
      actorId: clientId,
      idempotencyKey: key(`card-${email.split("@")[0]}`),
      now,
      card: { number: SANDBOX_CARDS.succeeds, expMonth: 12, expYear: now.getUTCFullYear() + 3, cvc: "123" },
    });
    created.push(`card for ${email}`);
  }

  const jobIds: Record<string, string> = {};
  for (const [index, job] of DEMO_JOBS.entries()) {
    const clientId = await id(job.client);
    const existing = await prisma.job.findFirst({ where: { clientId, title: job.title }, select: { id: true } });
    if (existing) {
      jobIds[job.title] = existing.id;
      continue;
    }
    const { client: _client, ...fields } = job;
    const posted = await postJob(prisma, { ...fields, publish: true, idempotencyKey: key(`job-${index}`), actorId: clientId, now });
    jobIds[job.title] = posted.jobId;
    created.push(job.title);
  }

  // A story in progress: Fran was hired by Carol, delivered the first milestone and was paid;
  // Gus applied to the same job and to the CSV fix.
  const fran = await id("fran@fairlance.test");
  const gus = await id("gus@fairlance.test");
  const carol = await id("carol@acme.test");
  if (!(await prisma.proposal.count({ where: { freelancerId: { in: [fran, gus] } } }))) {
    const landing = jobIds["Landing page for a robotics startup"]!;
    const cover = "Hello! I have built a dozen landing pages in Next.js and Tailwind; happy to share examples.";
    const franProposal = await submitProposal(prisma, { jobId: landing, coverLetter: cover, bidMinor: 120_000n, idempotencyKey: key("proposal-fran"), actorId: fran, now });
    await submitProposal(prisma, { jobId: landing, coverLetter: cover, bidMinor: 95_000n, idempotencyKey: key("proposal-gus"), actorId: gus, now });
    await submitProposal(prisma, {
      jobId: jobIds["Fix a flaky CSV import"]!,
      coverLetter: "I debug flaky Node scripts for a living: I will find the race and add a test for it.",
      bidMinor: 4_000n,
      idempotencyKey: key("proposal-gus-csv"),
      actorId: gus,
      now,
    });
    const offer = await hireProposal(prisma, {
      actorId: carol,
      idempotencyKey: key("hire-fran"),
      now,
      proposalId: franProposal.proposalId,
      terms: { type: "FIXED", milestones: [{ title: "Design", amountMinor: 50_000n }, { title: "Build and launch", amountMinor: 70_000n }] },
    });
    await acceptOffer(prisma, { actorId: fran, idempotencyKey: key("accept-fran"), now, contractId: offer.contractId });
    const [design, build] = offer.milestoneIds;
    await fundMilestone(prisma, { actorId: carol, idempotencyKey: key("fund-design"), now, milestoneId: design! }, { gateway });
    await submitWork(prisma, { actorId: fran, idempotencyKey: key("submit-design"), now, milestoneId: design!, note: "Figma file and style guide attached." });
    await approveMilestone(prisma, { actorId: carol, idempotencyKey: key("approve-design"), now, milestoneId: design! });
    await fundMilestone(prisma, { actorId: carol, idempotencyKey: key("fund-build"), now, milestoneId: build! }, { gateway });
    created.push("contract Carol → Fran");
  }

  // Reputation (economy.md §10): Gus finished three contracts for Dev before applying here; both
  // sides rated each one, Gus answered one review, and the runner's task gave him his Job Success
  // Score. So the applicants Carol compares are not bare names.
  if (!(await prisma.feedback.count({ where: { subjectId: gus } }))) {
    const dev = await id("dev@northwind.test");
    const finished = [
      { title: "Checkout bug fixes", amountMinor: 35_000n, stars: 5, comment: "Found three race conditions in our checkout and fixed each one with a test. Fast and careful." },
      { title: "CSV export for reports", amountMinor: 25_000n, stars: 4, comment: "Solid work and good communication; delivered a day late, but told us early." },
      { title: "Node 20 upgrade", amountMinor: 60_000n, stars: 5, comment: "Upgraded our services without a minute of downtime. Would hire again." },
    ];
    let replyTo: string | null = null;
    for (const [index, contract] of finished.entries()) {
      const step = (name: string) => key(`rep-${index}-${name}`);
      const offer = await makeDirectOffer(prisma, {
        actorId: dev,
        idempotencyKey: step("offer"),
        now,
        freelancerId: gus,
        title: contract.title,
        terms: { type: "FIXED", milestones: [{ title: "Delivery", amountMinor: contract.amountMinor }] },
      });
      await acceptOffer(prisma, { actorId: gus, idempotencyKey: step("accept"), now, contractId: offer.contractId });
      const milestoneId = offer.milestoneIds[0]!;
      await fundMilestone(prisma, { actorId: dev, idempotencyKey: step("fund"), now, milestoneId }, { gateway });
      await submitWork(prisma, { actorId: gus, idempotencyKey: step("submit"), now, milestoneId, note: "Merged and deployed." });
      await approveMilestone(prisma, { actorId: dev, idempotencyKey: step("approve"), now, milestoneId });
      await endContract(prisma, { actorId: dev, idempotencyKey: step("end"), now, contractId: offer.contractId, reason: "Delivered." }, { gateway });
      const stars = contract.stars;
      const aboutGus = await leaveFeedback(prisma, {
        actorId: dev,
        idempotencyKey: step("feedback-dev"),
        now,
        contractId: offer.contractId,
        overall: stars,
        facets: { skills: 5, quality: stars, communication: stars, deadlines: stars, cooperation: 5 },
        comment: contract.comment,
      });
      await leaveFeedback(prisma, {
        actorId: gus,
        idempotencyKey: step("feedback-gus"),
        now,
        contractId: offer.contractId,
        overall: 5,
        facets: { clarity: 5, payment: 5, communication: 5 },
        comment: "Clear tickets, quick reviews and prompt payment.",
      });
      if (stars < 5) replyTo = aboutGus.feedbackId;
    }
    if (replyTo) {
      await replyToFeedback(prisma, { actorId: gus, idempotencyKey: key("rep-reply"), now, feedbackId: replyTo, reply: "Thanks, Dev! The day was the CI migration; it is faster now." });
    }
    await updateReputation(prisma, { now });
    created.push("reputation of Gus");
  }
  // Talent (economy.md §10.9): Dev invited Fran to his translation job (it goes into a Next.js site), Fran saved his database
  // review for later, and Carol saved Gus: so the invitations and saved pages are not empty.
  if (!(await prisma.invitation.count({ where: { freelancerId: fran } }))) {
    const dev = await id("dev@northwind.test");
    await inviteFreelancer(prisma, {
      actorId: dev,
      idempotencyKey: key("invite-fran"),
      now,
      jobId: jobIds["Translate product pages to Spanish"]!,
      freelancerId: fran,
      message: "Hi Fran, the translated pages go into our Next.js site: would you take the translation with its layout fixes? Applying costs you no connects.",
    });
    await saveJob(prisma, { actorId: fran, now, jobId: jobIds["PostgreSQL performance review"]! });
    await saveFreelancer(prisma, { actorId: carol, now, freelancerId: gus });
    created.push("an invitation and saved items");
  }
  // The inbox (economy.md §5.1): Carol and Fran talk on their contract, and Gus follows up on his
  // two proposals (a freelancer's message changes no proposal's status); the last message of each
  // is unread for its recipient. A second apart, after the story above, so they have one order.
  if (!(await prisma.message.count({ where: { senderId: { in: [fran, gus, carol] } } }))) {
    const contractId = (await prisma.contract.findFirstOrThrow({ where: { clientId: carol, freelancerId: fran }, select: { id: true } })).id;
    const gusLanding = (await prisma.proposal.findFirstOrThrow({ where: { freelancerId: gus, jobId: jobIds["Landing page for a robotics startup"]! }, select: { id: true } })).id;
    const gusCsv = (await prisma.proposal.findFirstOrThrow({ where: { freelancerId: gus, jobId: jobIds["Fix a flaky CSV import"]! }, select: { id: true } })).id;
    const conversation: [string, { contractId: string } | { proposalId: string }, string][] = [
      [fran, { contractId }, "The design is approved, thank you! I start the build today and will share a preview link on Friday."],
      [carol, { contractId }, "Great. The build milestone is funded; please keep the hero animation light on phones."],
      [gus, { proposalId: gusLanding }, "Hi Carol, if the landing page needs a second pair of hands for the launch, I am free from next week."],
      [gus, { proposalId: gusCsv }, "Hi Dev, could you share a sample CSV that fails? I would like to reproduce the flaky import before I start."],
    ];
    for (const [index, [actorId, on, body]] of conversation.entries()) {
      await sendMessage(prisma, { actorId, ...on, idempotencyKey: key(`message-${index}`), now: new Date(now.getTime() + (index + 1) * 1_000), body });
    }
    created.push("conversations in the inbox");
  }
  created.push(...(await seedDemoProfiles(prisma, now, deps)));
  return { created };
}
