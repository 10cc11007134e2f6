import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { SaveFreelancerInput, type SavedFreelancerAnswer } from "./save-freelancer";

/** The same input as saving: the freelancer. */
export const UnsaveFreelancerInput = SaveFreelancerInput;
export type UnsaveFreelancerInput = SaveFreelancerInput;

/** A client drops a saved freelancer. Unsaving who is not saved changes nothing. */
export async function unsaveFreelancer(prisma: PrismaClient, input: UnsaveFreelancerInput & ActorCall): Promise<SavedFreelancerAnswer> {
  const data = parseCall(UnsaveFreelancerInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "save freelancers");
    await tx.savedFreelancer.deleteMany({ where: { clientId: data.actorId, freelancerId: data.freelancerId } });
    return { freelancerId: data.freelancerId, saved: false, savedAt: null };
  });
}
