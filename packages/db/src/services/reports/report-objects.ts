import { REPORT_OBJECTS, type ReportObjectKind } from "@fairlance/rules";
import { z } from "zod";
import type { Db, Tx } from "../../client";
import { DomainError } from "../../errors";

/** What can be reported (economy.md §5.2). */
export const ReportObjectKindField = z.enum(Object.keys(REPORT_OBJECTS) as [ReportObjectKind, ...ReportObjectKind[]], "Choose what you report: a job, a proposal, a message or a profile.");
export const ReportObjectId = z.uuid("That does not exist.");

const NOT_FOUND_TEXT: Record<ReportObjectKind, string> = {
  JOB: "This job does not exist.",
  PROPOSAL: "This proposal does not exist.",
  MESSAGE: "This message does not exist.",
  PROFILE: "There is no such person.",
};
export const reportObjectNotFound = (kind: ReportObjectKind) => new DomainError("NOT_FOUND", NOT_FOUND_TEXT[kind]);

/** A reported object as the queue and the notifications name it: its owner, and words that show no private detail. */
export interface ReportedObject {
  kind: ReportObjectKind;
  id: string;
  ownerId: string;
  /** "the job “Logo”", "a message from Fran on “Logo”", "the profile of Fran Okafor": what a reporter already saw. */
  described: string;
  /** The same, to its owner: "your job “Logo”". */
  describedToOwner: string;
  /** Whether it can still be removed (an open job, a live proposal, a message not removed yet). */
  removable: boolean;
}

/**
 * The object a person reports, if they can see it (NOT_FOUND otherwise, exactly like one that does
 * not exist): a freelancer reports a job they can see (not a draft; a removed one only if they had
 * proposed), a client a proposal on their own job, either person a message they received, anyone
 * signed in the profile of a client or freelancer. Nobody reports their own.
 */
export async function reportableObject(db: Db, kind: ReportObjectKind, id: string, viewer: { id: string; role: string }): Promise<ReportedObject> {
  const object = await findReportedObject(db, kind, id);
  if (!object) throw reportObjectNotFound(kind);
  if (object.ownerId === viewer.id) throw new DomainError("FORBIDDEN", `You cannot report your own ${REPORT_OBJECTS[kind].noun}.`);
  if (!(await canSee(db, kind, id, viewer))) throw reportObjectNotFound(kind);
  return object;
}

async function canSee(db: Db, kind: ReportObjectKind, id: string, viewer: { id: string; role: string }): Promise<boolean> {
  switch (kind) {
    case "JOB": {
      if (viewer.role !== "FREELANCER") return false;
      const job = await db.job.findUnique({ where: { id }, select: { status: true, proposals: { where: { freelancerId: viewer.id }, select: { id: true } } } });
      if (!job || job.status === "DRAFT") return false;
      return job.status !== "REMOVED" || job.proposals.length > 0;
    }
    case "PROPOSAL": {
      const proposal = await db.proposal.findUnique({ where: { id }, select: { job: { select: { clientId: true } } } });
      return proposal?.job.clientId === viewer.id;
    }
    case "MESSAGE": {
      const message = await db.message.findUnique({ where: { id }, select: { recipientId: true } });
      return message?.recipientId === viewer.id;
    }
    case "PROFILE":
      return viewer.role === "CLIENT" || viewer.role === "FREELANCER";
  }
}

/** The object by kind and id, whoever looks (the admins' queue); null when there is none. */
export async function findReportedObject(db: Db | Tx, kind: ReportObjectKind, id: string): Promise<ReportedObject | null> {
  switch (kind) {
    case "JOB": {
      const job = await db.job.findUnique({ where: { id }, select: { clientId: true, title: true, status: true } });
      return job && { kind, id, ownerId: job.clientId, described: `the job “${job.title}”`, describedToOwner: `your job “${job.title}”`, removable: job.status === "OPEN" };
    }
    case "PROPOSAL": {
      const proposal = await db.proposal.findUnique({ where: { id }, select: { freelancerId: true, status: true, freelancer: { select: { name: true } }, job: { select: { title: true } } } });
      return (
        proposal && {
          kind,
          id,
          ownerId: proposal.freelancerId,
          described: `the proposal from ${proposal.freelancer.name} on “${proposal.job.title}”`,
          describedToOwner: `your proposal on “${proposal.job.title}”`,
          removable: REMOVABLE_PROPOSAL.has(proposal.status),
        }
      );
    }
    case "MESSAGE": {
      const message = await db.message.findUnique({ where: { id }, select: { senderId: true, removedAt: true, sender: { select: { name: true } } } });
      return message && { kind, id, ownerId: message.senderId, described: `a message from ${message.sender.name}`, describedToOwner: "a message you sent", removable: message.removedAt === null };
    }
    case "PROFILE": {
      const user = await db.user.findUnique({ where: { id }, select: { name: true, role: true } });
      if (!user || (user.role !== "CLIENT" && user.role !== "FREELANCER")) return null;
      return { kind, id, ownerId: id, described: `the profile of ${user.name}`, describedToOwner: "your profile", removable: false };
    }
  }
}

/** A proposal the queue can close: still in play, and no offer waiting on it (the freelancer answers that first). */
export const REMOVABLE_PROPOSAL: ReadonlySet<string> = new Set(["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"]);

/** Serialises what happens to one object's reports (a new report, a decision): a transaction-scoped advisory lock. */
export async function lockReportedObject(tx: Tx, kind: ReportObjectKind, id: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`report:${kind}:${id}`}))`;
}
