import sharp from "sharp";
import type { PrismaClient } from "../client";
import type { FileStore } from "../files";
import { addEducation } from "../services/profiles/add-education";
import { addEmployment } from "../services/profiles/add-employment";
import { addPortfolioItem } from "../services/profiles/add-portfolio-item";
import { setAvatar } from "../services/profiles/set-avatar";
import { setPortfolioImage } from "../services/profiles/set-portfolio-image";
import { updateClientProfile, type UpdateClientProfileInput } from "../services/profiles/update-client-profile";
import { updateFreelancerProfile, type UpdateFreelancerProfileInput } from "../services/profiles/update-freelancer-profile";
import type { AddEducationInput } from "../services/profiles/add-education";
import type { AddEmploymentInput } from "../services/profiles/add-employment";

interface DemoFreelancer {
  email: string;
  profile: UpdateFreelancerProfileInput;
  /** Two colours of the generated photo and images. */
  colours: [string, string];
  portfolio: { title: string; description: string; link: string | null }[];
  employment: AddEmploymentInput["employment"][];
  education: AddEducationInput["education"][];
}

const DEMO_FREELANCERS: DemoFreelancer[] = [
  {
    email: "fran@fairlance.test",
    colours: ["#0f766e", "#f59e0b"],
    profile: {
      title: "Front-end developer: Next.js, React and Tailwind",
      overview:
        "I build fast, accessible marketing sites and dashboards with Next.js and Tailwind CSS. Eight years of front-end work, the last four as a freelancer for startups in robotics, fintech and retail. I write tests, measure what ships, and hand over code your team can keep.",
      skills: ["Next.js", "React", "TypeScript", "Tailwind CSS", "Accessibility", "Design"],
      hourlyRateMinor: 6_500n,
      availability: "FULL_TIME",
      location: "Lagos, Nigeria",
      timeZone: "Africa/Lagos",
      languages: [
        { language: "English", level: "NATIVE" },
        { language: "Yoruba", level: "NATIVE" },
        { language: "French", level: "CONVERSATIONAL" },
      ],
    },
    portfolio: [
      { title: "Launch site for a drone maker", description: "A Next.js landing page with a product configurator; Lighthouse 100 on mobile.", link: "https://example.com/drones" },
      { title: "Checkout redesign for a bakery chain", description: "Cut the checkout from five steps to two; orders rose by a fifth.", link: null },
    ],
    employment: [
      { company: "Paystack", role: "Front-end engineer", fromMonth: "2017-02", toMonth: "2021-06", description: "Built the merchant dashboard's reporting pages." },
      { company: "Freelance", role: "Front-end developer", fromMonth: "2021-07", toMonth: null, description: "" },
    ],
    education: [{ school: "University of Lagos", degree: "BSc Computer Science", fromYear: 2012, toYear: 2016 }],
  },
  {
    email: "gus@fairlance.test",
    colours: ["#1d4ed8", "#e11d48"],
    profile: {
      title: "Back-end developer and PostgreSQL tuner",
      overview:
        "Node.js and PostgreSQL since 2012. I find why a nightly job fails once a week, why a query takes nine seconds, and fix it with a test that proves it. Happy with small, sharp jobs.",
      skills: ["Node.js", "PostgreSQL", "Debugging", "Performance"],
      hourlyRateMinor: 8_000n,
      availability: "PART_TIME",
      location: "Malmö, Sweden",
      timeZone: "Europe/Stockholm",
      languages: [
        { language: "Swedish", level: "NATIVE" },
        { language: "English", level: "FLUENT" },
      ],
    },
    portfolio: [{ title: "Order search from 9 s to 40 ms", description: "Reworked the indexes and two queries of a 50 GB order database.", link: null }],
    employment: [{ company: "Klarna", role: "Back-end engineer", fromMonth: "2013-09", toMonth: "2019-12", description: "Payments ledger and its reconciliation jobs." }],
    education: [{ school: "Lund University", degree: "MSc Engineering Mathematics", fromYear: 2008, toYear: 2013 }],
  },
];

const DEMO_CLIENTS: { email: string; colours: [string, string]; profile: UpdateClientProfileInput }[] = [
  { email: "carol@acme.test", colours: ["#7c3aed", "#22d3ee"], profile: { companyName: "Acme Robotics", description: "We make warehouse robots and hire freelancers for our web and data work.", location: "Austin, Texas" } },
  { email: "dev@northwind.test", colours: ["#b45309", "#65a30d"], profile: { companyName: "Northwind Traders", description: "An online shop for teas and spices, shipping across Europe.", location: "Dublin, Ireland" } },
];

/** A picture for the demo, drawn by sharp (shapes only, no text): a square for a photo, a landscape for a portfolio image. */
async function demoImage([background, accent]: [string, string], width: number, height: number, seed: number): Promise<Uint8Array> {
  const r = Math.round(Math.min(width, height) / 3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>
    <circle cx="${Math.round(width * (0.3 + 0.1 * seed))}" cy="${Math.round(height / 2)}" r="${r}" fill="${accent}" opacity="0.85"/>
    <rect x="${Math.round(width * 0.55)}" y="${Math.round(height * 0.2)}" width="${Math.round(width * 0.3)}" height="${Math.round(height * 0.6)}" rx="${Math.round(r / 4)}" fill="#ffffff" opacity="0.35"/>
  </svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/**
 * Gives the demo's freelancers and clients real profiles, through the profile services (so the
 * images go through prepareImage and the file store like an upload): titles, overviews, skills,
 * rates, languages, portfolio items with images, employment and education. A profile already
 * filled in is left alone, so running it again changes nothing.
 */
export async function seedDemoProfiles(prisma: PrismaClient, now: Date, deps: { store?: FileStore } = {}): Promise<string[]> {
  const created: string[] = [];
  const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

  for (const demo of DEMO_FREELANCERS) {
    const actorId = await userId(demo.email);
    const existing = await prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: actorId }, select: { title: true } });
    if (existing.title) continue;
    const call = { actorId, now };
    const name = demo.email.split("@")[0]!;
    await updateFreelancerProfile(prisma, { ...demo.profile, ...call });
    await setAvatar(prisma, { image: await demoImage(demo.colours, 480, 480, 0), ...call }, deps);
    for (const [index, item] of demo.portfolio.entries()) {
      const { portfolioItemId } = await addPortfolioItem(prisma, { ...item, idempotencyKey: `seed-portfolio-${name}-${index}`, ...call });
      await setPortfolioImage(prisma, { portfolioItemId, image: await demoImage(demo.colours, 1_200, 800, index + 1), ...call }, deps);
    }
    for (const [index, employment] of demo.employment.entries()) await addEmployment(prisma, { employment, idempotencyKey: `seed-employment-${name}-${index}`, ...call });
    for (const [index, education] of demo.education.entries()) await addEducation(prisma, { education, idempotencyKey: `seed-education-${name}-${index}`, ...call });
    created.push(`profile of ${demo.email}`);
  }

  for (const demo of DEMO_CLIENTS) {
    const actorId = await userId(demo.email);
    const existing = await prisma.clientProfile.findUniqueOrThrow({ where: { userId: actorId }, select: { companyName: true } });
    if (existing.companyName) continue;
    await updateClientProfile(prisma, { ...demo.profile, actorId, now });
    await setAvatar(prisma, { image: await demoImage(demo.colours, 400, 400, 0), actorId, now }, deps);
    created.push(`profile of ${demo.email}`);
  }
  return created;
}
