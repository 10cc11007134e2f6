import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { SaveJobInput, type SavedJobAnswer } from "./save-job";

/** The same input as saving: the job. */
export const UnsaveJobInput = SaveJobInput;
export type UnsaveJobInput = SaveJobInput;

/** A freelancer drops a saved job (whatever its state now). Unsaving what is not saved changes nothing. */
export async function unsaveJob(prisma: PrismaClient, input: UnsaveJobInput & ActorCall): Promise<SavedJobAnswer> {
  const data = parseCall(UnsaveJobInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "save jobs");
    await tx.savedJob.deleteMany({ where: { userId: data.actorId, jobId: data.jobId } });
    return { jobId: data.jobId, saved: false, savedAt: null };
  });
}
