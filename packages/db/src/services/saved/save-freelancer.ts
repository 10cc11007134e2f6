import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** What the client sends; who acts and when come with the call (ActorCall). */
export const SaveFreelancerInput = z.strictObject({ freelancerId: Id("freelancer") });
export type SaveFreelancerInput = z.input<typeof SaveFreelancerInput>;

export interface SavedFreelancerAnswer {
  freelancerId: string;
  saved: boolean;
  /** When first saved; null once unsaved. */
  savedAt: Date | null;
}

/** A freelancer talent search does not list (a suspended one) cannot be saved, and reads as missing. */
export const freelancerNotFound = () => new DomainError("NOT_FOUND", "This freelancer does not exist.");

/**
 * A client keeps a freelancer to invite or hire later. Saving twice changes nothing and gives the
 * same answer (the first moment), so it needs no key.
 */
export async function saveFreelancer(prisma: PrismaClient, input: SaveFreelancerInput & ActorCall): Promise<SavedFreelancerAnswer> {
  const data = parseCall(SaveFreelancerInput, input);
  const { freelancerId, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "save freelancers");
    const freelancer = await tx.user.findUnique({ where: { id: freelancerId }, select: { role: true, suspendedAt: true } });
    if (freelancer?.role !== "FREELANCER" || freelancer.suspendedAt !== null) throw freelancerNotFound();
    await tx.savedFreelancer.createMany({ data: { clientId: actorId, freelancerId, createdAt: now }, skipDuplicates: true });
    const row = await tx.savedFreelancer.findUniqueOrThrow({ where: { clientId_freelancerId: { clientId: actorId, freelancerId } }, select: { createdAt: true } });
    return { freelancerId, saved: true, savedAt: row.createdAt };
  });
}
