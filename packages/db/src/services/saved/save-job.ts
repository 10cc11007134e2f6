import { RuleViolation } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { jobNotFound, jobRemoved } from "../jobs/shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the freelancer sends; who acts and when come with the call (ActorCall). */
export const SaveJobInput = z.strictObject({ jobId: Id("job") });
export type SaveJobInput = z.input<typeof SaveJobInput>;

export interface SavedJobAnswer {
  jobId: string;
  saved: boolean;
  /** When it was first saved; null once unsaved. */
  savedAt: Date | null;
}

/**
 * A freelancer keeps an open job to come back to (and propose on later). Only open jobs: a job that
 * no longer takes proposals is nothing to come back to. Saving twice changes nothing and gives the
 * same answer (the first moment it was saved), so it needs no key.
 */
export async function saveJob(prisma: PrismaClient, input: SaveJobInput & ActorCall): Promise<SavedJobAnswer> {
  const data = parseCall(SaveJobInput, input);
  const { jobId, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "save jobs");
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job || job.status === "DRAFT") throw jobNotFound();
    const saved = await tx.savedJob.findUnique({ where: { userId_jobId: { userId: actorId, jobId } }, select: { createdAt: true } });
    if (saved) return { jobId, saved: true, savedAt: saved.createdAt };
    if (job.status === "REMOVED") throw jobRemoved();
    if (job.status !== "OPEN") throw new RuleViolation("JOB_NOT_OPEN", "This job no longer takes proposals, so there is nothing to save it for.");
    // Two saves at once: the second finds the first's row and answers the same.
    await tx.savedJob.createMany({ data: { userId: actorId, jobId, createdAt: now }, skipDuplicates: true });
    const row = await tx.savedJob.findUniqueOrThrow({ where: { userId_jobId: { userId: actorId, jobId } }, select: { createdAt: true } });
    return { jobId, saved: true, savedAt: row.createdAt };
  });
}
