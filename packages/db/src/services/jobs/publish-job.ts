import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { jobResult, publication, type JobResult } from "./job-fields";
import { Id, lockOwnedJob, nextJobStatus, parseInput, requireActor } from "./shared";

export const PublishJobInput = z.object({ jobId: Id("job"), idempotencyKey: IdempotencyKey });

/** A draft goes live: its connect cost is fixed now, under the settings in force (RULES 2.3). */
export async function publishJob(
  prisma: PrismaClient,
  input: z.input<typeof PublishJobInput> & { actorId: string; now: Date },
): Promise<JobResult> {
  const { jobId, idempotencyKey } = parseInput(PublishJobInput, input);
  const { actorId, now } = input;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "job.publish", userId: actorId, key: idempotencyKey, request: { jobId } },
      async () => {
        await requireActor(tx, actorId, "CLIENT", "publish jobs", { active: true });
        const job = await lockOwnedJob(tx, jobId, actorId);
        nextJobStatus(job.status, "publish");
        const updated = await tx.job.update({ where: { id: jobId }, data: await publication(tx, job, now) });
        return jobResult(updated);
      },
      jsonCodec<JobResult>(),
    );
    return result;
  });
}
