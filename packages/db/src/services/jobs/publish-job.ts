import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { jobResult, publication, type JobResult } from "./job-fields";
import { lockOwnedJob, nextJobStatus } from "./shared";
import { requireActor, type ActorCall } from "../actor";
import { requireConfirmedEmail } from "../account/confirmed-email";
import { loadSettings } from "../../settings/load-settings";
import { Id, parseCall } from "../input";

/** What the caller sends; who acts and when come with the call (ActorCall). */
export const PublishJobInput = z.strictObject({ jobId: Id("job"), idempotencyKey: IdempotencyKey });
export type PublishJobInput = z.input<typeof PublishJobInput>;

/** A draft goes live: its connect cost is fixed now, under the settings in force (economy.md §2.3). */
export async function publishJob(prisma: PrismaClient, input: PublishJobInput & ActorCall): Promise<JobResult> {
  const data = parseCall(PublishJobInput, input);
  const { jobId, idempotencyKey, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "job.publish", userId: actorId, key: idempotencyKey, request: { jobId } },
      async () => {
        await requireActor(tx, data, "CLIENT", "publish jobs", { active: true });
        const job = await lockOwnedJob(tx, jobId, actorId);
        nextJobStatus(job.status, "publish");
        await requireConfirmedEmail(tx, actorId, "post_job", (await loadSettings(tx, now)).settings);
        const updated = await tx.job.update({ where: { id: jobId }, data: await publication(tx, job, now) });
        return jobResult(updated);
      },
      jsonCodec<JobResult>(),
    );
    return result;
  });
}
