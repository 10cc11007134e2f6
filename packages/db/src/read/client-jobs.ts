import type { ContractStatus, Db, JobStatus, ProposalStatus } from "../client";
import { jobNotFound } from "../services/jobs/shared";
import { invitationNote, type InvitationAnswer } from "./invitations";
import { freelancerSummaries, type FreelancerSummary } from "./freelancer-summary";

export interface ClientJobRow {
  id: string;
  title: string;
  status: JobStatus;
  type: "FIXED" | "HOURLY";
  connectCost: number | null;
  proposalCount: number;
  /** Proposals still in play (submitted, viewed, shortlisted, interviewing, or with an offer waiting for an answer). */
  liveProposals: number;
  unviewedProposals: number;
  createdAt: Date;
  publishedAt: Date | null;
}

const LIVE: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING", "OFFERED"];

/** A client's own jobs, newest first, with their proposal counts. */
export async function listClientJobs(db: Db, clientId: string): Promise<ClientJobRow[]> {
  const jobs = await db.job.findMany({
    where: { clientId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, type: true, connectCost: true, proposalCount: true, createdAt: true, publishedAt: true },
  });
  const counts = await db.proposal.groupBy({
    by: ["jobId", "status"],
    where: { jobId: { in: jobs.map((job) => job.id) } },
    _count: { _all: true },
  });
  const count = (jobId: string, statuses: ProposalStatus[]) =>
    counts.filter((row) => row.jobId === jobId && statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  return jobs.map((job) => ({ ...job, liveProposals: count(job.id, LIVE), unviewedProposals: count(job.id, ["SUBMITTED"]) }));
}

export interface ClientJobProposal {
  id: string;
  /** Name only: the marketplace never hands a freelancer's email to a client (the scam shield flags contact details before a contract). */
  freelancer: { id: string; name: string; summary: FreelancerSummary };
  coverLetter: string;
  bidMinor: bigint;
  status: ProposalStatus;
  invited: boolean;
  boostConnects: number;
  submittedAt: Date;
  viewedAt: Date | null;
  /** A contract came of it that is not a declined or expired offer. */
  hasContract: boolean;
  /** Its latest offer: waiting (OFFERED, until offerExpiresAt), accepted, declined or expired (economy.md §3.7). */
  offer: { contractId: string; status: ContractStatus; offerExpiresAt: Date; endedAt: Date | null } | null;
}

export interface ClientJob {
  job: {
    id: string;
    title: string;
    description: string;
    type: "FIXED" | "HOURLY";
    status: JobStatus;
    budgetMinor: bigint | null;
    hourlyMinMinor: bigint | null;
    hourlyMaxMinor: bigint | null;
    estimatedHours: number | null;
    durationDays: number;
    experienceLevel: "ENTRY" | "INTERMEDIATE" | "EXPERT";
    skills: string[];
    connectCost: number | null;
    proposalCount: number;
    publishedAt: Date | null;
    createdAt: Date;
    endedAt: Date | null;
    /** Set while this client is suspended (economy.md §5.5): no proposals, out of search. */
    pausedAt: Date | null;
  };
  /** Proposals paused while their freelancer is suspended (economy.md §5.5): not in `proposals`. */
  pausedProposals: number;
  proposals: ClientJobProposal[];
  /** Each invitation with the freelancer's answer (a decline's reason included) and a sentence for the page. */
  invitations: ({ freelancerId: string; name: string; note: string } & InvitationAnswer)[];
}

/** One of the client's jobs with its proposals (boosted first, then oldest first) and invitations; another client's job is "not found". */
export async function getClientJob(db: Db, jobId: string, clientId: string): Promise<ClientJob> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true, clientId: true, title: true, description: true, type: true, status: true, budgetMinor: true, hourlyMinMinor: true,
      hourlyMaxMinor: true, estimatedHours: true, durationDays: true, experienceLevel: true, skills: true, connectCost: true,
      proposalCount: true, publishedAt: true, createdAt: true, endedAt: true, pausedAt: true,
    },
  });
  if (!job || job.clientId !== clientId) throw jobNotFound();
  // A suspended freelancer's live proposals are paused and leave the list (economy.md §5.5): counted, not shown.
  const pausedProposals = await db.proposal.count({ where: { jobId, pausedAt: { not: null } } });
  const person = { select: { id: true, name: true } };
  const [proposals, invitations] = await Promise.all([
    db.proposal.findMany({
      where: { jobId, pausedAt: null },
      orderBy: [{ boostConnects: "desc" }, { submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true, coverLetter: true, bidMinor: true, status: true, invited: true, boostConnects: true, submittedAt: true, viewedAt: true,
        freelancer: person,
        contracts: { orderBy: [{ offeredAt: "desc" }, { id: "asc" }], select: { id: true, status: true, offerExpiresAt: true, endedAt: true } },
      },
    }),
    db.invitation.findMany({
      where: { jobId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { freelancerId: true, createdAt: true, status: true, respondedAt: true, declineReason: true, freelancer: person },
    }),
  ]);
  // Each applicant's photo, title, score, stars and earnings, for all of them at once (no query per row).
  const summaries = await freelancerSummaries(db, proposals.map((proposal) => proposal.freelancer.id));
  const { clientId: _owner, ...fields } = job;
  return {
    job: fields,
    pausedProposals,
    proposals: proposals.map(({ contracts, ...proposal }) => {
      const latest = contracts[0];
      return {
        ...proposal,
        freelancer: { ...proposal.freelancer, summary: summaries[proposal.freelancer.id]! },
        hasContract: contracts.some((contract) => contract.status !== "DECLINED" && contract.status !== "EXPIRED"),
        offer: latest ? { contractId: latest.id, status: latest.status, offerExpiresAt: latest.offerExpiresAt, endedAt: latest.endedAt } : null,
      };
    }),
    invitations: invitations.map(({ freelancer, ...invitation }) => ({
      ...invitation,
      name: freelancer.name,
      note: invitationNote(freelancer.name, invitation, proposals.some((proposal) => proposal.freelancer.id === invitation.freelancerId))!,
    })),
  };
}
