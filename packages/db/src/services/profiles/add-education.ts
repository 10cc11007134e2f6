import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { EducationFields, savedEducation, type SavedEducation } from "./entry-fields";
import { assertEducationYears, assertRoomFor } from "./limits";
import { lockFreelancerProfile } from "./shared";

/** What the education form sends; a retry with the same key adds nothing more. */
export const AddEducationInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  education: EducationFields,
});
export type AddEducationInput = z.input<typeof AddEducationInput>;

/** A freelancer adds a school they went to to their profile (up to the rules' limit). */
export async function addEducation(prisma: PrismaClient, input: AddEducationInput & ActorCall): Promise<SavedEducation> {
  const data = parseCall(AddEducationInput, input);
  const { idempotencyKey, education, actorId, now } = data;
  assertEducationYears(education, now);
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "profile.addEducation", userId: actorId, key: idempotencyKey, request: education },
      async () => {
        await requireActor(tx, data, "FREELANCER", "add education to a profile");
        await lockFreelancerProfile(tx, actorId);
        assertRoomFor("education", await tx.educationEntry.count({ where: { userId: actorId } }));
        return savedEducation(await tx.educationEntry.create({ data: { userId: actorId, ...education, createdAt: now } }));
      },
      jsonCodec<SavedEducation>(),
    );
    return result;
  });
}
