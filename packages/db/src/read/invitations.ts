import { z } from "zod";
import { Prisma, type Db, type InvitationStatus, type JobStatus } from "../client";
import { jobNotFound } from "../services/jobs/shared";
import { Id, parseInput } from "../services/input";
import { searchTalent, TalentFilters, type TalentSearchHit, type TalentSearchResult } from "./search-freelancers";

/** An invitation as its client sees it: the answer, and a sentence for the page. */
export interface InvitationAnswer {
  status: InvitationStatus;
  createdAt: Date;
  respondedAt: Date | null;
  /** Only when declined, and only if the freelancer gave one. */
  declineReason: string | null;
}

/** What the client reads about one freelancer's invitation (or proposal) on their job. */
export function invitationNote(name: string, invitation: Pick<InvitationAnswer, "status" | "declineReason"> | null, proposed: boolean): string | null {
  if (invitation?.status === "DECLINED") {
    return invitation.declineReason ? `${name} declined your invitation: "${invitation.declineReason}"` : `${name} declined your invitation without giving a reason.`;
  }
  if (invitation?.status === "ACCEPTED" || (invitation && proposed)) return `${name} accepted your invitation and sent a proposal.`;
  if (proposed) return `${name} has already sent a proposal for this job.`;
  if (invitation) return `You invited ${name}; no answer yet.`;
  return null;
}

// ---------------------------------------------------------------- the client's invite panel

/** The invite panel's search: talent search's filters, on one of the client's jobs. */
export const InviteCandidatesInput = z.strictObject({ jobId: Id("job"), ...TalentFilters });
export type InviteCandidatesInput = z.input<typeof InviteCandidatesInput>;

export interface InviteCandidate extends TalentSearchHit {
  /** The client's invitation to this freelancer for this job, if any. */
  invitation: InvitationAnswer | null;
  proposed: boolean;
  /** Neither invited nor proposed yet, and the job is open. */
  canInvite: boolean;
  /** Why the freelancer cannot be invited (again), in a sentence; null when they can. */
  note: string | null;
}

export interface InviteCandidates extends Omit<TalentSearchResult, "freelancers"> {
  freelancers: InviteCandidate[];
  /** Invitations go to open jobs only; otherwise the sentence says so. */
  jobOpen: boolean;
  closedNote: string | null;
}

/**
 * Talent search on the client's own job, for inviting: freelancers already invited or who already
 * proposed are listed with a sentence saying so (and cannot be invited again) rather than hidden, so
 * the client understands why. Another client's job is "not found".
 */
export async function listInviteCandidates(db: Db, rawInput: InviteCandidatesInput, clientId: string): Promise<InviteCandidates> {
  const { jobId, ...filters } = parseInput(InviteCandidatesInput, rawInput);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { clientId: true, status: true } });
  if (!job || job.clientId !== clientId) throw jobNotFound();
  const result = await searchTalent(db, filters);
  const ids = result.freelancers.map((hit) => hit.id);
  const [invitations, proposals] = await Promise.all([
    db.invitation.findMany({ where: { jobId, freelancerId: { in: ids } }, select: { freelancerId: true, status: true, createdAt: true, respondedAt: true, declineReason: true } }),
    db.proposal.findMany({ where: { jobId, freelancerId: { in: ids } }, select: { freelancerId: true } }),
  ]);
  const jobOpen = job.status === "OPEN";
  return {
    ...result,
    jobOpen,
    closedNote: jobOpen ? null : "This job is no longer open: invitations go to open jobs only.",
    freelancers: result.freelancers.map((hit) => {
      const found = invitations.find((invitation) => invitation.freelancerId === hit.id);
      const invitation = found ? { status: found.status, createdAt: found.createdAt, respondedAt: found.respondedAt, declineReason: found.declineReason } : null;
      const proposed = proposals.some((proposal) => proposal.freelancerId === hit.id);
      return { ...hit, invitation, proposed, canInvite: jobOpen && !invitation && !proposed, note: invitationNote(hit.name, invitation, proposed) };
    }),
  };
}

// ---------------------------------------------------------------- the freelancer's invitations

export const MY_INVITATIONS_PAGE_SIZE = 20;
export const MyInvitationsInput = z.strictObject({
  /** PENDING: those waiting for an answer; none: every invitation. */
  status: z.enum(["PENDING", "ACCEPTED", "DECLINED"], "Choose pending, accepted or declined.").optional(),
  page: z.int().positive().default(1),
});
export type MyInvitationsInput = z.input<typeof MyInvitationsInput>;

export interface MyInvitation {
  id: string;
  job: { id: string; title: string; status: JobStatus };
  client: { id: string; name: string };
  message: string;
  status: InvitationStatus;
  createdAt: Date;
  respondedAt: Date | null;
  declineReason: string | null;
  /** The job still takes proposals: the invitation can be answered with one (for 0 connects, economy.md §2.3). */
  jobOpen: boolean;
  /** Pending and the job open: the freelancer may propose or decline. */
  canAnswer: boolean;
  /** What the invitation's state means, in a sentence. */
  note: string;
}

export interface MyInvitations {
  invitations: MyInvitation[];
  /** Pending invitations on open jobs (not paused): what waits for an answer. */
  waiting: number;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

function myNote(status: InvitationStatus, jobOpen: boolean, paused: boolean, clientName: string): string {
  if (status === "ACCEPTED") return "You answered with a proposal.";
  if (status === "DECLINED") return `You declined; ${clientName} sees your answer.`;
  if (paused) return "The job is paused while its client's account is under review: it takes no proposals for now.";
  if (!jobOpen) return "The job is no longer open.";
  return "Send a proposal for 0 connects, or decline.";
}

/** The invitations a freelancer received, newest first, with the job, the client and what they can do. */
export async function listMyInvitations(db: Db, rawInput: MyInvitationsInput, freelancerId: string): Promise<MyInvitations> {
  const input = parseInput(MyInvitationsInput, rawInput);
  const where: Prisma.InvitationWhereInput = { freelancerId, ...(input.status ? { status: input.status } : {}), job: { status: { not: "REMOVED" } } };
  const [rows, total, waiting] = await Promise.all([
    db.invitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * MY_INVITATIONS_PAGE_SIZE,
      take: MY_INVITATIONS_PAGE_SIZE,
      select: {
        id: true, message: true, status: true, createdAt: true, respondedAt: true, declineReason: true,
        job: { select: { id: true, title: true, status: true, pausedAt: true, client: { select: { id: true, name: true } } } },
      },
    }),
    db.invitation.count({ where }),
    db.invitation.count({ where: { freelancerId, status: "PENDING", job: { status: "OPEN", pausedAt: null } } }),
  ]);
  return {
    invitations: rows.map(({ job: { client, pausedAt, ...job }, ...invitation }) => {
      // A job paused with its client's suspension (economy.md §5.3) takes no proposals for now.
      const paused = job.status === "OPEN" && pausedAt !== null;
      const jobOpen = job.status === "OPEN" && !paused;
      return { ...invitation, job, client, jobOpen, canAnswer: jobOpen && invitation.status === "PENDING", note: myNote(invitation.status, jobOpen, paused, client.name) };
    }),
    waiting,
    total,
    page: input.page,
    pageSize: MY_INVITATIONS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / MY_INVITATIONS_PAGE_SIZE)),
  };
}
