import type { JobType, PrismaClient } from "../../client";
import { NOW } from "../../testing";

// The contracts tests' own builders; the shared fixtures are in @fairlance/db/testing.

export const at = (iso: string) => new Date(iso);

/** An open job inserted directly, with a fixed connect cost (the jobs area publishes them for real: `openJob` of the testing fixtures). */
export async function insertOpenJob(prisma: PrismaClient, clientId: string, type: JobType = "FIXED", extra: { auctionClosesAt?: Date } = {}) {
  const job = await prisma.job.create({
    data: {
      clientId,
      title: `A ${type.toLowerCase()} job`,
      description: "Build something",
      type,
      status: "OPEN",
      budgetMinor: type === "FIXED" ? 100_000n : null,
      hourlyMinMinor: type === "HOURLY" ? 2_000n : null,
      hourlyMaxMinor: type === "HOURLY" ? 6_000n : null,
      durationDays: 30,
      experienceLevel: "INTERMEDIATE",
      skills: ["typescript"],
      connectCost: 4,
      settingsVersion: 0,
      publishedAt: NOW,
      lastActivityAt: NOW,
      auctionClosesAt: extra.auctionClosesAt ?? new Date(NOW.getTime() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  return job.id;
}

/** A SUBMITTED proposal inserted directly (no connects: cost 0, as if invited). */
export async function submittedProposal(prisma: PrismaClient, jobId: string, freelancerId: string, bidMinor: bigint) {
  const proposal = await prisma.proposal.create({
    data: { jobId, freelancerId, coverLetter: "Hire me", bidMinor, connectCost: 0, invited: true, submittedAt: NOW },
    select: { id: true },
  });
  return proposal.id;
}
