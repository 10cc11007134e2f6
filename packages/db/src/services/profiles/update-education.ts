import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { EducationFields, savedEducation, type SavedEducation } from "./entry-fields";
import { assertEducationYears } from "./limits";
import { itemNotFound, lockFreelancerProfile } from "./shared";

/** The education entry as the form shows it, every field each time. */
export const UpdateEducationInput = z.strictObject({
  educationId: Id("education entry"),
  education: EducationFields,
});
export type UpdateEducationInput = z.input<typeof UpdateEducationInput>;

/** A freelancer rewrites one of their education entries; another person's is "not found". */
export async function updateEducation(prisma: PrismaClient, input: UpdateEducationInput & ActorCall): Promise<SavedEducation> {
  const data = parseCall(UpdateEducationInput, input);
  assertEducationYears(data.education, data.now);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "edit education on a profile");
    await lockFreelancerProfile(tx, data.actorId);
    const { count } = await tx.educationEntry.updateMany({ where: { id: data.educationId, userId: data.actorId }, data: data.education });
    if (count === 0) throw itemNotFound("education entry");
    return savedEducation(await tx.educationEntry.findUniqueOrThrow({ where: { id: data.educationId } }));
  });
}
