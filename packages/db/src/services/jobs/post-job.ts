import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { JobFields, jobColumns, jobResult, publication, refineJobShape, type JobResult } from "./job-fields";
import { requireActor, type ActorCall } from "../actor";
import { requireConfirmedEmail } from "../account/confirmed-email";
import { loadSettings } from "../../settings/load-settings";
import { parseCall } from "../input";

/** What the client types; who acts and when come with the call (ActorCall). */
export const PostJobInput = JobFields.extend({
  idempotencyKey: IdempotencyKey,
  /** true: publish now (priced and open); false: keep as a draft. */
  publish: z.boolean().default(false),
}).superRefine(refineJobShape);
export type PostJobInput = z.input<typeof PostJobInput>;

/**
 * A client posts a job, as a draft or published. Publishing fixes its connect cost from the
 * rate card in force (economy.md §2.3) and the settings version it was priced under.
 */
export async function postJob(prisma: PrismaClient, input: PostJobInput & ActorCall): Promise<JobResult> {
  const data = parseCall(PostJobInput, input);
  const { idempotencyKey, publish, actorId, now, actor: _actor, ...fields } = data;
  return runTransaction(prisma, async (tx) => {
    const call: IdempotentCall = { operation: "job.post", userId: actorId, key: idempotencyKey, request: { ...fields, publish } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await requireActor(tx, data, "CLIENT", "post jobs", { active: true });
        if (publish) await requireConfirmedEmail(tx, actorId, "post_job", (await loadSettings(tx, now)).settings);
        const columns = jobColumns(fields);
        const published = publish ? await publication(tx, columns, now) : { status: "DRAFT" as const };
        const job = await tx.job.create({ data: { ...columns, ...published, clientId: actorId, createdAt: now } });
        return jobResult(job);
      },
      jsonCodec<JobResult>(),
    );
    return result;
  });
}
