import { jobActivityWords, jobExpiryOutlook, rankingRule, rankProposals, type JobStatus as RuleJobStatus } from "@fairlance/rules";
import type { ContractStatus, Db, JobStatus, ProposalStatus } from "../client";
import { jobNotFound } from "../services/jobs/shared";
import { loadSettings } from "../settings/load-settings";
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
  /** When it expires unless there is activity (economy.md §3.1), or why it does not. */
  expiry: JobExpiry;
}

/** A job's expiry as its client sees it: the runner's rule (`jobExpiryOutlook`, `isJobExpiryDue`). */
export interface JobExpiry {
  expiresAt: Date | null;
  held: "offer_waiting" | "not_open" | null;
}

const expiryOf = (job: { status: JobStatus; lastActivityAt: Date | null }, offerWaiting: boolean, settings: { jobExpiryDays: number }): JobExpiry =>
  jobExpiryOutlook({ status: job.status.toLowerCase() as RuleJobStatus, lastActivityAt: job.lastActivityAt, offerWaiting }, settings);

const LIVE: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING", "OFFERED"];

/** A client's own jobs, newest first, with their proposal counts and when each open one expires. */
export async function listClientJobs(db: Db, clientId: string, now: Date): Promise<ClientJobRow[]> {
  const jobs = await db.job.findMany({
    where: { clientId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, type: true, connectCost: true, proposalCount: true, createdAt: true, publishedAt: true, lastActivityAt: true },
  });
  const ids = jobs.map((job) => job.id);
  const [counts, offers, { settings }] = await Promise.all([
    db.proposal.groupBy({ by: ["jobId", "status"], where: { jobId: { in: ids } }, _count: { _all: true } }),
    db.contract.findMany({ where: { jobId: { in: ids }, status: "OFFERED" }, select: { jobId: true } }),
    loadSettings(db, now),
  ]);
  const count = (jobId: string, statuses: ProposalStatus[]) =>
    counts.filter((row) => row.jobId === jobId && statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const waiting = new Set(offers.map((offer) => offer.jobId));
  return jobs.map(({ lastActivityAt, ...job }) => ({
    ...job,
    liveProposals: count(job.id, LIVE),
    unviewedProposals: count(job.id, ["SUBMITTED"]),
    expiry: expiryOf({ status: job.status, lastActivityAt }, waiting.has(job.id), settings),
  }));
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
  /** Its boost holds one of the top slots now, as the auction settles them (economy.md §2.3). */
  topSlot: boolean;
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
    expiry: JobExpiry;
    /** Set while this client is suspended (economy.md §5.3): no proposals, out of search. */
    pausedAt: Date | null;
  };
  /** Proposals paused while their freelancer is suspended (economy.md §5.3): not in `proposals`. */
  pausedProposals: number;
  /** What counts as activity on a job (the rules' JOB_ACTIVITIES), for the expiry line. */
  activityCounts: string;
  /** The proposals' order, in one sentence (economy.md §2.3), and the number of top slots. */
  ranking: string;
  boostSlots: number;
  proposals: ClientJobProposal[];
  /** Each invitation with the freelancer's answer (a decline's reason included) and a sentence for the page. */
  invitations: ({ freelancerId: string; name: string; note: string } & InvitationAnswer)[];
}

/**
 * One of the client's jobs with its proposals (the top boost slots as the auction settles them, then
 * oldest first: `rankProposals`), when it expires, and its invitations; another client's job is "not found".
 */
export async function getClientJob(db: Db, jobId: string, clientId: string, now: Date): Promise<ClientJob> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true, clientId: true, title: true, description: true, type: true, status: true, budgetMinor: true, hourlyMinMinor: true,
      hourlyMaxMinor: true, estimatedHours: true, durationDays: true, experienceLevel: true, skills: true, connectCost: true,
      proposalCount: true, publishedAt: true, createdAt: true, endedAt: true, lastActivityAt: true, pausedAt: true,
    },
  });
  if (!job || job.clientId !== clientId) throw jobNotFound();
  // A suspended freelancer's live proposals are paused and leave the list (economy.md §5.3): counted, not shown.
  const pausedProposals = await db.proposal.count({ where: { jobId, pausedAt: { not: null } } });
  const person = { select: { id: true, name: true } };
  const [found, invitations, { settings }] = await Promise.all([
    db.proposal.findMany({
      where: { jobId, pausedAt: null },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true, coverLetter: true, bidMinor: true, status: true, invited: true, boostConnects: true, boostRefunded: true, submittedAt: true, viewedAt: true,
        freelancer: person,
        contracts: { orderBy: [{ offeredAt: "desc" }, { id: "asc" }], select: { id: true, status: true, offerExpiresAt: true, endedAt: true } },
      },
    }),
    db.invitation.findMany({
      where: { jobId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { freelancerId: true, createdAt: true, status: true, respondedAt: true, declineReason: true, freelancer: person },
    }),
    loadSettings(db, now),
  ]);
  const proposals = rankProposals(found, settings);
  // Each applicant's photo, title, score, stars and earnings, for all of them at once (no query per row).
  const summaries = await freelancerSummaries(db, proposals.map((proposal) => proposal.freelancer.id));
  const { clientId: _owner, lastActivityAt, ...fields } = job;
  const offerWaiting = found.some((proposal) => proposal.contracts.some((contract) => contract.status === "OFFERED"));
  return {
    job: { ...fields, expiry: expiryOf({ status: job.status, lastActivityAt }, offerWaiting, settings) },
    pausedProposals,
    activityCounts: jobActivityWords(),
    ranking: rankingRule(settings),
    boostSlots: settings.boostSlots,
    proposals: proposals.map(({ contracts, boostRefunded: _refunded, ...proposal }) => {
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
