import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { EmploymentFields, savedEmployment, type SavedEmployment } from "./entry-fields";
import { assertEmploymentDates, assertRoomFor } from "./limits";
import { lockFreelancerProfile } from "./shared";

/** What the employment form sends; a retry with the same key adds nothing more. */
export const AddEmploymentInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  employment: EmploymentFields,
});
export type AddEmploymentInput = z.input<typeof AddEmploymentInput>;

/** A freelancer adds a job they held to their profile (up to the rules' limit). */
export async function addEmployment(prisma: PrismaClient, input: AddEmploymentInput & ActorCall): Promise<SavedEmployment> {
  const data = parseCall(AddEmploymentInput, input);
  const { idempotencyKey, employment, actorId, now } = data;
  assertEmploymentDates(employment, now);
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "profile.addEmployment", userId: actorId, key: idempotencyKey, request: employment },
      async () => {
        await requireActor(tx, data, "FREELANCER", "add employment to a profile");
        await lockFreelancerProfile(tx, actorId);
        assertRoomFor("employment", await tx.employmentEntry.count({ where: { userId: actorId } }));
        return savedEmployment(await tx.employmentEntry.create({ data: { userId: actorId, ...employment, createdAt: now } }));
      },
      jsonCodec<SavedEmployment>(),
    );
    return result;
  });
}
