import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { JobFields, jobColumns, jobResult, refineJobShape, type JobResult } from "./job-fields";
import { activityUpdate, lockOwnedJob } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall, parseInput } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const EditJobInput = z.strictObject({
  jobId: Id("job"),
  idempotencyKey: IdempotencyKey,
  /** Only the fields given change; `null` clears an optional pricing field. */
  changes: JobFields.partial(),
});
export type EditJobInput = z.input<typeof EditJobInput>;

const EditedJob = JobFields.superRefine(refineJobShape);

/**
 * The owner edits a draft or an open job. An open job keeps the connect cost it was published
 * with, even when its budget or duration changes: the cost shown to freelancers never moves
 * under them (economy.md §2.3). An open job cannot switch between fixed price and hourly, since its
 * proposals bid in one or the other. Editing an open job counts as activity (expiry restarts).
 */
export async function editJob(prisma: PrismaClient, input: EditJobInput & ActorCall): Promise<JobResult> {
  const data = parseCall(EditJobInput, input);
  const { jobId, idempotencyKey, changes, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "job.edit", userId: actorId, key: idempotencyKey, request: { jobId, changes } },
      async () => {
        await requireActor(tx, data, "CLIENT", "edit jobs", { active: true });
        const job = await lockOwnedJob(tx, jobId, actorId);
        if (job.status !== "DRAFT" && job.status !== "OPEN") {
          throw new DomainError("CONFLICT", "Only a draft or an open job can be edited.");
        }
        if (job.status === "OPEN" && changes.type !== undefined && changes.type !== job.type) {
          throw new DomainError("CONFLICT", "A published job cannot switch between fixed price and hourly. Close it and post a new one.");
        }
        const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const stored = Object.fromEntries(JobFields.keyof().options.map((field) => [field, job[field]]));
        const merged = parseInput(EditedJob, { ...stored, ...given });
        const updated = await tx.job.update({
          where: { id: jobId },
          data: { ...jobColumns(merged), ...activityUpdate("edited", job, now) },
        });
        return jobResult(updated);
      },
      jsonCodec<JobResult>(),
    );
    return result;
  });
}
