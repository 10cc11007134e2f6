import {
  transitionJob,
  transitionProposal,
  type JobEvent,
  type JobStatus as RuleJobStatus,
  type ProposalEvent,
  type ProposalStatus as RuleProposalStatus,
} from "@fairlance/rules";
import { Prisma, type Job, type JobStatus, type ProposalStatus, type Tx } from "../../client";
import { DomainError } from "../../errors";

/** A job the caller may not see (missing, a draft of another, another client's) is "not found", in one sentence. */
export const jobNotFound = () => new DomainError("NOT_FOUND", "This job does not exist.");
/** The refusal on a job paused while its client is suspended (economy.md §5.5); the reason is not said. */
export const JOB_PAUSED = "This job is paused while its client's account is under review: it takes no proposals for now.";
/** The refusal on a proposal paused while its freelancer is suspended (economy.md §5.5). */
export const PROPOSAL_PAUSED = "This proposal is paused while its freelancer's account is under review: it cannot be hired for now.";

/** A job taken down as a scam, to those who never proposed on it. */
export const jobRemoved = () => new DomainError("NOT_FOUND", "This job was removed for breaking the marketplace rules.");

const proposalNotFound = () => new DomainError("NOT_FOUND", "This proposal does not exist.");

const JOB_COLUMNS = Prisma.join(Object.values(Prisma.JobScalarFieldEnum).map((column) => Prisma.raw(`"${column}"`)));

/** Locks a job row for the rest of the transaction: every change to a job or its proposals starts here. */
export async function lockJob(tx: Tx, jobId: string): Promise<Job> {
  // One round trip: the row comes back with its lock (raw rows carry bigint, Date and enum text as
  // Prisma's do). The model's own columns, so a column Prisma does not model (searchDocument) stays out.
  const [job] = await tx.$queryRaw<Job[]>`SELECT ${JOB_COLUMNS} FROM "Job" WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (!job) throw jobNotFound();
  return job;
}

/** A job its owner acts on; another client's job is "not found". */
export async function lockOwnedJob(tx: Tx, jobId: string, clientId: string) {
  const job = await lockJob(tx, jobId);
  if (job.clientId !== clientId) throw jobNotFound();
  return job;
}

/**
 * A proposal and its job, the job locked first (the lock order of every proposal change).
 * `as` decides who may see it: the freelancer who sent it or the client who owns the job.
 */
export async function lockProposal(tx: Tx, proposalId: string, actor: { id: string; as: "freelancer" | "client" }) {
  const found = await tx.proposal.findUnique({ where: { id: proposalId }, select: { jobId: true } });
  if (!found) throw proposalNotFound();
  const job = await lockJob(tx, found.jobId);
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const owner = actor.as === "freelancer" ? proposal.freelancerId : job.clientId;
  if (owner !== actor.id) throw proposalNotFound();
  return { job, proposal };
}

/** The job's next status by the rules' lifecycle (JOB_TRANSITION_NOT_ALLOWED otherwise). */
export const nextJobStatus = (status: JobStatus, event: JobEvent): JobStatus =>
  transitionJob(status.toLowerCase() as RuleJobStatus, event).toUpperCase() as JobStatus;

/** The proposal's next status by the rules' lifecycle (PROPOSAL_TRANSITION_NOT_ALLOWED otherwise). */
export const nextProposalStatus = (status: ProposalStatus, event: ProposalEvent): ProposalStatus =>
  transitionProposal(status.toLowerCase() as RuleProposalStatus, event).toUpperCase() as ProposalStatus;

/** Proposals still in play: the ones a job's end closes. */
export const LIVE_PROPOSAL_STATUSES: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"];

/** The note on connect entries, so a freelancer's history names the job. */
export const jobNote = (job: { title: string }) => `Job "${job.title}"`;

/** A boosted proposal the client touches before the auction settles keeps its boost (economy.md §2.3). */
export const interactionUpdate = (proposal: { boostConnects: number; boostSettledAt: Date | null; clientInteractedAt: Date | null }, now: Date) =>
  proposal.boostConnects > 0 && proposal.boostSettledAt === null && proposal.clientInteractedAt === null ? { clientInteractedAt: now } : {};

/** Proposals that writing to the proposer, or inviting them to interview, moves to interviewing (economy.md §3.1). */
const BEFORE_INTERVIEW: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED"];

/**
 * The client starts an interview with a proposer (economy.md §3.1): a proposal still before it
 * moves to interviewing (and counts as viewed); one already interviewing, or ended, stays as it is.
 * The proposal must be locked (lockProposal). Counts as activity on the job. Returns the status.
 */
export async function startInterview(
  tx: Tx,
  proposal: { id: string; jobId: string; status: ProposalStatus; viewedAt: Date | null; boostConnects: number; boostSettledAt: Date | null; clientInteractedAt: Date | null },
  now: Date,
): Promise<{ status: ProposalStatus; viewedAt: Date | null }> {
  if (!BEFORE_INTERVIEW.includes(proposal.status)) return { status: proposal.status, viewedAt: proposal.viewedAt };
  const status = nextProposalStatus(proposal.status, "interview");
  const viewedAt = proposal.viewedAt ?? now;
  await tx.proposal.update({ where: { id: proposal.id }, data: { status, viewedAt, ...interactionUpdate(proposal, now) } });
  await tx.job.update({ where: { id: proposal.jobId }, data: { lastActivityAt: now } });
  return { status, viewedAt };
}
