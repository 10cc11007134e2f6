import {
  transitionJob,
  transitionProposal,
  type JobEvent,
  type JobStatus as RuleJobStatus,
  type ProposalEvent,
  type ProposalStatus as RuleProposalStatus,
} from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Db, type Job, type JobStatus, type ProposalStatus, type Role, type Tx } from "../../client";
import { DomainError } from "../../errors";

/** Parses a service input; a refusal names every problem in words a person understands. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  throw new DomainError("INVALID_REQUEST", messages.join(" "), { issues: result.error.issues });
}

export const Id = (what: string) => z.uuid(`That ${what} does not exist.`);

export interface Actor {
  id: string;
  role: Role;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

const ROLE_WORDS: Record<Role, string> = { CLIENT: "clients", FREELANCER: "freelancers", ADMIN: "admins" };

/** The person acting, who must have `role`; `active` also refuses suspended accounts. */
export async function requireActor(db: Db, actorId: string, role: Role, what: string, options: { active?: boolean } = {}): Promise<Actor> {
  const actor = await db.user.findUnique({
    where: { id: actorId },
    select: { id: true, role: true, suspendedAt: true, suspendedReason: true },
  });
  if (!actor) throw new DomainError("NOT_FOUND", "Your account no longer exists. Sign in again.");
  if (actor.role !== role) throw new DomainError("FORBIDDEN", `Only ${ROLE_WORDS[role]} can ${what}.`);
  if (options.active && actor.suspendedAt) {
    throw new DomainError("ACCOUNT_SUSPENDED", `Your account is suspended (${actor.suspendedReason ?? "contact support"}), so you cannot ${what}.`);
  }
  return actor;
}

const JOB_COLUMNS = Prisma.join(Object.values(Prisma.JobScalarFieldEnum).map((column) => Prisma.raw(`"${column}"`)));

/** Locks a job row for the rest of the transaction: every change to a job or its proposals starts here. */
export async function lockJob(tx: Tx, jobId: string): Promise<Job> {
  // One round trip: the row comes back with its lock (raw rows carry bigint, Date and enum text as
  // Prisma's do). The model's own columns, so a column Prisma does not model (searchDocument) stays out.
  const [job] = await tx.$queryRaw<Job[]>`SELECT ${JOB_COLUMNS} FROM "Job" WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (!job) throw new DomainError("NOT_FOUND", "This job does not exist.");
  return job;
}

/** A job its owner acts on; another client's job is "not found". */
export async function lockOwnedJob(tx: Tx, jobId: string, clientId: string) {
  const job = await lockJob(tx, jobId);
  if (job.clientId !== clientId) throw new DomainError("NOT_FOUND", "This job does not exist.");
  return job;
}

/**
 * A proposal and its job, the job locked first (the lock order of every proposal change).
 * `as` decides who may see it: the freelancer who sent it or the client who owns the job.
 */
export async function lockProposal(tx: Tx, proposalId: string, actor: { id: string; as: "freelancer" | "client" }) {
  const found = await tx.proposal.findUnique({ where: { id: proposalId }, select: { jobId: true } });
  if (!found) throw new DomainError("NOT_FOUND", "This proposal does not exist.");
  const job = await lockJob(tx, found.jobId);
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const owner = actor.as === "freelancer" ? proposal.freelancerId : job.clientId;
  if (owner !== actor.id) throw new DomainError("NOT_FOUND", "This proposal does not exist.");
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

/** A boosted proposal the client touches before the auction settles keeps its boost (RULES 2.3). */
export const interactionUpdate = (proposal: { boostConnects: number; boostSettledAt: Date | null; clientInteractedAt: Date | null }, now: Date) =>
  proposal.boostConnects > 0 && proposal.boostSettledAt === null && proposal.clientInteractedAt === null ? { clientInteractedAt: now } : {};
