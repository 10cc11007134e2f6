import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { ImageBytes, storeImage, storeOf, withNewImage, type ImageDeps } from "./images";
import { savedPortfolioItem, type SavedPortfolioItem } from "./portfolio-fields";
import { itemNotFound, lockFreelancerProfile } from "./shared";

/** The item and the image's file, as uploaded. */
export const SetPortfolioImageInput = z.strictObject({ portfolioItemId: Id("portfolio item"), image: ImageBytes });
export type SetPortfolioImageInput = z.input<typeof SetPortfolioImageInput>;

/** The freelancer's own item, after the profile's lock; another person's is "not found". */
export async function ownPortfolioItem(tx: Tx, userId: string, portfolioItemId: string) {
  await lockFreelancerProfile(tx, userId);
  const item = await tx.portfolioItem.findFirst({ where: { id: portfolioItemId, userId } });
  if (!item) throw itemNotFound("portfolio item");
  return item;
}

/**
 * A freelancer sets the image of one of their portfolio items (economy.md §10.7): checked,
 * re-encoded (fitted inside 1600 × 1200), stored under a new key; the previous image is removed
 * after the change commits.
 */
export async function setPortfolioImage(prisma: PrismaClient, input: SetPortfolioImageInput & ActorCall, deps: ImageDeps = {}): Promise<SavedPortfolioItem> {
  const data = parseCall(SetPortfolioImageInput, input);
  await requireActor(prisma, data, "FREELANCER", "add portfolio images");
  // Refused before anything is stored when the item is not theirs; checked again under the lock.
  if (!(await prisma.portfolioItem.count({ where: { id: data.portfolioItemId, userId: data.actorId } }))) throw itemNotFound("portfolio item");
  const store = storeOf(deps);
  const key = await storeImage(store, data.image, "portfolio");
  const { item } = await withNewImage(store, key, () =>
    runTransaction(prisma, async (tx) => {
      const before = await ownPortfolioItem(tx, data.actorId, data.portfolioItemId);
      const item = await tx.portfolioItem.update({ where: { id: before.id }, data: { imageKey: key } });
      return { item, replacedKey: before.imageKey };
    }),
  );
  return savedPortfolioItem(item);
}
