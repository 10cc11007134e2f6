import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { discardImages, storeOf, type ImageDeps } from "./images";
import { ownPortfolioItem } from "./set-portfolio-image";

export const RemovePortfolioItemInput = z.strictObject({ portfolioItemId: Id("portfolio item") });
export type RemovePortfolioItemInput = z.input<typeof RemovePortfolioItemInput>;

/**
 * A freelancer removes one of their portfolio items; the ones after it move up, so positions stay
 * 0, 1, 2…; its image goes after the change commits. One already removed is "not found".
 */
export async function removePortfolioItem(prisma: PrismaClient, input: RemovePortfolioItemInput & ActorCall, deps: ImageDeps = {}): Promise<{ portfolioItemId: string }> {
  const data = parseCall(RemovePortfolioItemInput, input);
  const imageKey = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "remove portfolio items");
    const item = await ownPortfolioItem(tx, data.actorId, data.portfolioItemId);
    await tx.portfolioItem.delete({ where: { id: item.id } });
    await tx.portfolioItem.updateMany({ where: { userId: data.actorId, position: { gt: item.position } }, data: { position: { decrement: 1 } } });
    return item.imageKey;
  });
  await discardImages(storeOf(deps), [imageKey]);
  return { portfolioItemId: data.portfolioItemId };
}
