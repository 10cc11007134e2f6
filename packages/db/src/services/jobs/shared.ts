import {
  countsAsJobActivity,
  INTERACTION_ACTIVITY,
  interactionKeepsBoost,
  transitionJob,
  type JobActivity,
  type ProposalInteraction,
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
/** The refusal on a job paused while its client is suspended (economy.md §5.3); the reason is not said. */
export const JOB_PAUSED = "This job is paused while its client's account is under review: it takes no proposals for now.";
/** The refusal on a proposal paused while its freelancer is suspended (economy.md §5.3). */
export const PROPOSAL_PAUSED = "This proposal is paused while its freelancer's account is under review: it cannot be hired for now.";

/** A job taken down as a scam, to those who never proposed on it. */
export const jobRemoved = () => new DomainError("NOT_FOUND", "This job was removed for breaking the marketplace rules.");

const proposalNotFound = () => new DomainError("NOT_FOUND", "This proposal does not exist.");

/** The Job model's own columns, for a raw read (a column Prisma does not model, searchDocument, stays out). */
export const JOB_COLUMNS = Prisma.join(Object.values(Prisma.JobScalarFieldEnum).map((column) => Prisma.raw(`"${column}"`)));

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

/**
 * Activity on a job (economy.md §3.1): `lastActivityAt` moves to now when the rules count the kind
 * (`JOB_ACTIVITIES` in @fairlance/rules), on an open job only. Spread into the job's update.
 */
export const activityUpdate = (kind: JobActivity, job: { status: JobStatus }, now: Date): { lastActivityAt?: Date } =>
  countsAsJobActivity(kind, job.status.toLowerCase() as RuleJobStatus) ? { lastActivityAt: now } : {};

/** Records activity on a job in the action's transaction (a kind that does not count changes nothing). */
export async function recordJobActivity(tx: Tx, job: { id: string; status: JobStatus }, kind: JobActivity, now: Date): Promise<void> {
  const data = activityUpdate(kind, job, now);
  if (data.lastActivityAt) await tx.job.update({ where: { id: job.id }, data });
}

type InteractedProposal = { id: string; boostConnects: number; boostSettledAt: Date | null; boostRefunded: boolean; clientInteractedAt: Date | null };

/**
 * A client's interaction with a proposal keeps its boost while it is in play (economy.md §2.3,
 * `interactionKeepsBoost`): the first one is stored, and the auction reads it. Spread into the proposal's update.
 */
export const interactionUpdate = (kind: ProposalInteraction, proposal: InteractedProposal, now: Date): { clientInteractedAt?: Date } =>
  interactionKeepsBoost(kind, proposal) && proposal.clientInteractedAt === null ? { clientInteractedAt: now } : {};

/** The job activity a client's interaction with one of its proposals is, recorded in the action's transaction. */
export const recordInteractionActivity = (tx: Tx, job: { id: string; status: JobStatus }, kind: ProposalInteraction, now: Date) =>
  recordJobActivity(tx, job, INTERACTION_ACTIVITY[kind], now);

/** Proposals that writing to the proposer, or inviting them to interview, moves to interviewing (economy.md §3.1). */
const BEFORE_INTERVIEW: ProposalStatus[] = ["SUBMITTED", "VIEWED", "SHORTLISTED"];

/**
 * The client invites a proposer to interview or writes to them (economy.md §3.1): a proposal still
 * before an interview moves to interviewing (and counts as viewed); one already interviewing, or
 * ended, keeps its state. Either way it is an interaction (a boost in play is kept, §2.3) and
 * activity on the job. The proposal must be locked (lockProposal). Returns the status.
 */
export async function startInterview(
  tx: Tx,
  input: { job: { id: string; status: JobStatus }; proposal: InteractedProposal & { status: ProposalStatus; viewedAt: Date | null }; kind: "interviewed" | "messaged"; now: Date },
): Promise<{ status: ProposalStatus; viewedAt: Date | null }> {
  const { job, proposal, kind, now } = input;
  const interaction = interactionUpdate(kind, proposal, now);
  let result = { status: proposal.status, viewedAt: proposal.viewedAt };
  if (BEFORE_INTERVIEW.includes(proposal.status)) {
    result = { status: nextProposalStatus(proposal.status, "interview"), viewedAt: proposal.viewedAt ?? now };
    await tx.proposal.update({ where: { id: proposal.id }, data: { ...result, ...interaction } });
  } else if (interaction.clientInteractedAt) {
    await tx.proposal.update({ where: { id: proposal.id }, data: interaction });
  }
  await recordInteractionActivity(tx, job, kind, now);
  return result;
}
