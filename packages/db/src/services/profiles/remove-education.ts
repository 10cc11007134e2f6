import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { itemNotFound, lockFreelancerProfile } from "./shared";

export const RemoveEducationInput = z.strictObject({ educationId: Id("education entry") });
export type RemoveEducationInput = z.input<typeof RemoveEducationInput>;

/** A freelancer removes one of their education entries; another person's, or one already removed, is "not found". */
export async function removeEducation(prisma: PrismaClient, input: RemoveEducationInput & ActorCall): Promise<{ educationId: string }> {
  const data = parseCall(RemoveEducationInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "remove education from a profile");
    await lockFreelancerProfile(tx, data.actorId);
    const { count } = await tx.educationEntry.deleteMany({ where: { id: data.educationId, userId: data.actorId } });
    if (count === 0) throw itemNotFound("education entry");
    return { educationId: data.educationId };
  });
}
