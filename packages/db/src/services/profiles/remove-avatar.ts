import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { discardImages, storeOf, type ImageDeps } from "./images";
import type { ProfileAvatar } from "./set-avatar";
import { lockClientProfile, lockFreelancerProfile } from "./shared";

/** A freelancer or a client removes their profile photo; the file goes after the change commits. Removing none is no error. */
export async function removeAvatar(prisma: PrismaClient, call: ActorCall, deps: ImageDeps = {}): Promise<ProfileAvatar> {
  const removed = await runTransaction(prisma, async (tx) => {
    const actor = await requireActor(tx, call, ["FREELANCER", "CLIENT"], "remove a profile photo");
    if (actor.role === "FREELANCER") {
      const { avatarKey } = await lockFreelancerProfile(tx, actor.id);
      if (avatarKey) await tx.freelancerProfile.update({ where: { userId: actor.id }, data: { avatarKey: null, updatedAt: call.now } });
      return avatarKey;
    }
    const { avatarKey } = await lockClientProfile(tx, actor.id);
    if (avatarKey) await tx.clientProfile.update({ where: { userId: actor.id }, data: { avatarKey: null, updatedAt: call.now } });
    return avatarKey;
  });
  await discardImages(storeOf(deps), [removed]);
  return { avatarUrl: null };
}
