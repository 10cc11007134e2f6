import type { Db, JobStatus } from "../client";
import { talentCards, type TalentSearchHit } from "./search-freelancers";

export interface SavedJobRow {
  job: {
    id: string;
    title: string;
    type: "FIXED" | "HOURLY";
    status: JobStatus;
    budgetMinor: bigint | null;
    hourlyMinMinor: bigint | null;
    hourlyMaxMinor: bigint | null;
    skills: string[];
    connectCost: number | null;
    proposalCount: number;
    publishedAt: Date | null;
  };
  savedAt: Date;
  /** The job still takes proposals. */
  open: boolean;
  /** The freelancer already proposed on it. */
  proposed: boolean;
  /** Its state now, in a sentence. */
  note: string;
}

const JOB_STATE_NOTE: Record<JobStatus, string> = {
  DRAFT: "This job is not published.",
  OPEN: "Open: you can send a proposal.",
  HIRED: "The client hired someone: it no longer takes proposals.",
  CLOSED: "The client closed this job without hiring.",
  EXPIRED: "This job expired without a hire.",
  REMOVED: "Fairlance removed this job for breaking the marketplace rules.",
};

const PAUSED_NOTE = "Paused while its client's account is under review: it takes no proposals for now.";

/** A freelancer's saved jobs, most recently saved first, each with its state now. */
export async function listSavedJobs(db: Db, freelancerId: string): Promise<SavedJobRow[]> {
  const rows = await db.savedJob.findMany({
    where: { userId: freelancerId },
    orderBy: [{ createdAt: "desc" }, { jobId: "asc" }],
    take: 200,
    select: {
      createdAt: true,
      job: {
        select: {
          id: true, title: true, type: true, status: true, budgetMinor: true, hourlyMinMinor: true, hourlyMaxMinor: true, skills: true,
          connectCost: true, proposalCount: true, publishedAt: true, pausedAt: true,
          proposals: { where: { freelancerId }, select: { id: true } },
        },
      },
    },
  });
  return rows.map(({ createdAt, job: { proposals, pausedAt, ...job } }) => {
    // A job paused with its client's suspension (economy.md §5.3) is open but takes no proposals for now.
    const paused = job.status === "OPEN" && pausedAt !== null;
    return {
      job,
      savedAt: createdAt,
      open: job.status === "OPEN" && !paused,
      proposed: proposals.length > 0,
      note: paused ? PAUSED_NOTE : proposals.length > 0 && job.status === "OPEN" ? "You have sent a proposal." : JOB_STATE_NOTE[job.status],
    };
  });
}

export interface SavedFreelancerRow extends TalentSearchHit {
  savedAt: Date;
}

/** A client's saved freelancers, most recently saved first, as talent search's cards (suspended ones are not listed). */
export async function listSavedFreelancers(db: Db, clientId: string): Promise<SavedFreelancerRow[]> {
  const saved = await db.savedFreelancer.findMany({
    where: { clientId },
    orderBy: [{ createdAt: "desc" }, { freelancerId: "asc" }],
    take: 200,
    select: { freelancerId: true, createdAt: true },
  });
  const cards = await talentCards(db, saved.map((row) => row.freelancerId));
  return cards.map((card) => ({ ...card, savedAt: saved.find((row) => row.freelancerId === card.id)!.createdAt }));
}
