import { REPORT_OBJECTS, REPORT_REASON_KEYS, REPORT_THROTTLE, REPORT_REASONS, TEXT_RULES, reportThrottle, type ReportReason } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { waitInWords } from "../../auth/throttle";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";
import { lockReportedObject, reportableObject, ReportObjectId, ReportObjectKindField } from "./report-objects";

/** What the reporter sends: what they report, why (from the list), and a note (required for "other"). */
export const CreateReportInput = z
  .strictObject({
    objectKind: ReportObjectKindField,
    objectId: ReportObjectId,
    reason: z.enum(REPORT_REASON_KEYS, "Choose a reason from the list."),
    note: Text(TEXT_RULES.reportNote).default(""),
  })
  .refine((input) => input.reason !== "other" || input.note.length > 0, { path: ["note"], message: "Say what is wrong: you chose “Something else”." });
export type CreateReportInput = z.input<typeof CreateReportInput>;

export interface CreatedReport {
  reportId: string;
  objectKind: keyof typeof REPORT_OBJECTS;
  objectId: string;
  reason: ReportReason;
  createdAt: Date;
  /** What the reporter reads back. */
  sentence: string;
}

export const REPORT_RECEIVED = "Reported — we'll tell you what we decide.";

/**
 * A client or freelancer reports a job, a proposal, a message or a profile (economy.md §5.2): one
 * report per person per object (a second is refused, 409), only what they can see (NOT_FOUND
 * otherwise) and never their own; at most 10 in any 24 hours (REPORT_THROTTLE). The report waits in
 * the admins' moderation queue; the reporter is told the outcome when an admin decides.
 */
export async function createReport(prisma: PrismaClient, input: CreateReportInput & ActorCall): Promise<CreatedReport> {
  const data = parseCall(CreateReportInput, input);
  const { objectKind, objectId, reason, note, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const actor = await requireActor(tx, data, ["CLIENT", "FREELANCER"], "report what looks wrong", { active: true });
    // One person's reports are counted one at a time: lock the reporter, then the object.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actorId}::uuid FOR UPDATE`;
    const object = await reportableObject(tx, objectKind, objectId, { id: actorId, role: actor.role });
    await lockReportedObject(tx, objectKind, objectId);
    const noun = REPORT_OBJECTS[objectKind].noun;
    const earlier = await tx.report.findUnique({
      where: { reporterId_objectKind_objectId: { reporterId: actorId, objectKind, objectId } },
      select: { createdAt: true },
    });
    if (earlier) throw new DomainError("CONFLICT", `You already reported this ${noun}; we'll tell you what we decide.`);
    if (objectKind === "JOB" && !object.removable) {
      const job = await tx.job.findUniqueOrThrow({ where: { id: objectId }, select: { status: true } });
      if (job.status === "REMOVED") throw new DomainError("CONFLICT", "Fairlance already removed this job.");
    }
    if (objectKind === "MESSAGE" && !object.removable) throw new DomainError("CONFLICT", "Fairlance already removed this message.");
    const since = new Date(now.getTime() - REPORT_THROTTLE.windowHours * 3_600_000);
    const recent = await tx.report.findMany({ where: { reporterId: actorId, createdAt: { gt: since } }, select: { createdAt: true } });
    const throttle = reportThrottle(
      recent.map((r) => r.createdAt),
      now,
    );
    if (!throttle.allowed) {
      const wait = Math.ceil((throttle.retryAt.getTime() - now.getTime()) / 1000);
      throw new DomainError(
        "TOO_MANY_ATTEMPTS",
        `You have sent ${REPORT_THROTTLE.limit} reports in the last ${REPORT_THROTTLE.windowHours} hours. You can report again in ${waitInWords(wait)}.`,
        { retryAfterSeconds: wait },
      );
    }
    const report = await tx.report.create({
      data: { reporterId: actorId, objectKind, objectId, ownerId: object.ownerId, reason, note, createdAt: now },
      select: { id: true },
    });
    return { reportId: report.id, objectKind, objectId, reason, createdAt: now, sentence: REPORT_RECEIVED };
  });
}

/** The reason's label, as the pages show it. */
export const reportReasonLabel = (reason: string) => (reason in REPORT_REASONS ? REPORT_REASONS[reason as ReportReason].label : reason);
