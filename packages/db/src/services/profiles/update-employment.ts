import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { EmploymentFields, savedEmployment, type SavedEmployment } from "./entry-fields";
import { assertEmploymentDates } from "./limits";
import { itemNotFound, lockFreelancerProfile } from "./shared";

/** The employment entry as the form shows it, every field each time. */
export const UpdateEmploymentInput = z.strictObject({
  employmentId: Id("employment entry"),
  employment: EmploymentFields,
});
export type UpdateEmploymentInput = z.input<typeof UpdateEmploymentInput>;

/** A freelancer rewrites one of their employment entries; another person's is "not found". */
export async function updateEmployment(prisma: PrismaClient, input: UpdateEmploymentInput & ActorCall): Promise<SavedEmployment> {
  const data = parseCall(UpdateEmploymentInput, input);
  assertEmploymentDates(data.employment, data.now);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "edit employment on a profile");
    await lockFreelancerProfile(tx, data.actorId);
    const { count } = await tx.employmentEntry.updateMany({ where: { id: data.employmentId, userId: data.actorId }, data: data.employment });
    if (count === 0) throw itemNotFound("employment entry");
    return savedEmployment(await tx.employmentEntry.findUniqueOrThrow({ where: { id: data.employmentId } }));
  });
}
