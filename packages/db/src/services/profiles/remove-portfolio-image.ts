import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { discardImages, storeOf, type ImageDeps } from "./images";
import { savedPortfolioItem, type SavedPortfolioItem } from "./portfolio-fields";
import { ownPortfolioItem } from "./set-portfolio-image";

export const RemovePortfolioImageInput = z.strictObject({ portfolioItemId: Id("portfolio item") });
export type RemovePortfolioImageInput = z.input<typeof RemovePortfolioImageInput>;

/** A freelancer removes the image of one of their portfolio items (the item stays); the file goes after the change commits. */
export async function removePortfolioImage(prisma: PrismaClient, input: RemovePortfolioImageInput & ActorCall, deps: ImageDeps = {}): Promise<SavedPortfolioItem> {
  const data = parseCall(RemovePortfolioImageInput, input);
  const { item, replacedKey } = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "remove portfolio images");
    const before = await ownPortfolioItem(tx, data.actorId, data.portfolioItemId);
    const item = before.imageKey ? await tx.portfolioItem.update({ where: { id: before.id }, data: { imageKey: null } }) : before;
    return { item, replacedKey: before.imageKey };
  });
  await discardImages(storeOf(deps), [replacedKey]);
  return savedPortfolioItem(item);
}
