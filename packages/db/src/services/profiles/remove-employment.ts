import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { itemNotFound, lockFreelancerProfile } from "./shared";

export const RemoveEmploymentInput = z.strictObject({ employmentId: Id("employment entry") });
export type RemoveEmploymentInput = z.input<typeof RemoveEmploymentInput>;

/** A freelancer removes one of their employment entries; another person's, or one already removed, is "not found". */
export async function removeEmployment(prisma: PrismaClient, input: RemoveEmploymentInput & ActorCall): Promise<{ employmentId: string }> {
  const data = parseCall(RemoveEmploymentInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "remove employment from a profile");
    await lockFreelancerProfile(tx, data.actorId);
    const { count } = await tx.employmentEntry.deleteMany({ where: { id: data.employmentId, userId: data.actorId } });
    if (count === 0) throw itemNotFound("employment entry");
    return { employmentId: data.employmentId };
  });
}
