import type { PrismaClient, Role } from "../client";
import { hashPassword } from "../auth/password";
import { signUp } from "../services/sign-up";

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
}

/** Known demo accounts, printed by `pnpm start`. Never use these passwords outside a demo. */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: "ADMIN", name: "Ada Admin", email: "admin@fairlance.test", password: "fairlance-admin" },
  { role: "CLIENT", name: "Carol Chen", email: "carol@acme.test", password: "fairlance-demo" },
  { role: "CLIENT", name: "Dev Patel", email: "dev@northwind.test", password: "fairlance-demo" },
  { role: "FREELANCER", name: "Fran Okafor", email: "fran@fairlance.test", password: "fairlance-demo" },
  { role: "FREELANCER", name: "Gus Lindqvist", email: "gus@fairlance.test", password: "fairlance-demo" },
];

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

/** Creates the demo accounts and jobs that do not exist yet; running it again changes nothing. */
export async function seedDemo(prisma: PrismaClient, now: Date): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const login of DEMO_LOGINS) {
    const exists = await prisma.user.findUnique({ where: { email: login.email }, select: { id: true } });
    if (exists) continue;
    if (login.role === "ADMIN") {
      await prisma.user.create({
        data: { email: login.email, name: login.name, role: "ADMIN", passwordHash: await hashPassword(login.password) },
      });
    } else {
      await signUp(prisma, { email: login.email, name: login.name, password: login.password, role: login.role, now });
    }
    created.push(login.email);
  }

  for (const job of DEMO_JOBS) {
    const client = await prisma.user.findUniqueOrThrow({ where: { email: job.client }, select: { id: true } });
    const exists = await prisma.job.findFirst({ where: { clientId: client.id, title: job.title }, select: { id: true } });
    if (exists) continue;
    const { client: _client, ...fields } = job;
    await prisma.job.create({ data: { ...fields, clientId: client.id, status: "OPEN", publishedAt: now } });
    created.push(job.title);
  }
  return { created };
}
