import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { ImageBytes, storeImage, storeOf, withNewImage, type ImageDeps } from "./images";
import { lockClientProfile, lockFreelancerProfile, imageUrl } from "./shared";

/** The photo's file, as uploaded. */
export const SetAvatarInput = z.strictObject({ image: ImageBytes });
export type SetAvatarInput = z.input<typeof SetAvatarInput>;

export interface ProfileAvatar {
  /** `/files/<key>`, or null without a photo. */
  avatarUrl: string | null;
}

/**
 * A freelancer or a client sets their profile photo (economy.md §10.7): the upload is checked and
 * re-encoded (cropped to a square), stored under a new key, and the profile points at it; the
 * previous photo is removed after the change commits. Admins have no profile.
 */
export async function setAvatar(prisma: PrismaClient, input: SetAvatarInput & ActorCall, deps: ImageDeps = {}): Promise<ProfileAvatar> {
  const data = parseCall(SetAvatarInput, input);
  const actor = await requireActor(prisma, data, ["FREELANCER", "CLIENT"], "set a profile photo");
  const store = storeOf(deps);
  const key = await storeImage(store, data.image, "avatar");
  await withNewImage(store, key, () =>
    runTransaction(prisma, async (tx) => {
      if (actor.role === "FREELANCER") {
        const { avatarKey } = await lockFreelancerProfile(tx, actor.id);
        await tx.freelancerProfile.update({ where: { userId: actor.id }, data: { avatarKey: key, updatedAt: data.now } });
        return { replacedKey: avatarKey };
      }
      const { avatarKey } = await lockClientProfile(tx, actor.id);
      await tx.clientProfile.update({ where: { userId: actor.id }, data: { avatarKey: key, updatedAt: data.now } });
      return { replacedKey: avatarKey };
    }),
  );
  return { avatarUrl: imageUrl(key) };
}
