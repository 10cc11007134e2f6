import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { PortfolioItemFields, savedPortfolioItem, type SavedPortfolioItem } from "./portfolio-fields";
import { itemNotFound, lockFreelancerProfile } from "./shared";

/** The item's text, every field each time (its image and place are changed on their own). */
export const UpdatePortfolioItemInput = z.strictObject({
  portfolioItemId: Id("portfolio item"),
  ...PortfolioItemFields,
});
export type UpdatePortfolioItemInput = z.input<typeof UpdatePortfolioItemInput>;

/** A freelancer rewrites one of their portfolio items; another person's is "not found". */
export async function updatePortfolioItem(prisma: PrismaClient, input: UpdatePortfolioItemInput & ActorCall): Promise<SavedPortfolioItem> {
  const data = parseCall(UpdatePortfolioItemInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "edit portfolio items");
    await lockFreelancerProfile(tx, data.actorId);
    const { count } = await tx.portfolioItem.updateMany({
      where: { id: data.portfolioItemId, userId: data.actorId },
      data: { title: data.title, description: data.description, link: data.link },
    });
    if (count === 0) throw itemNotFound("portfolio item");
    return savedPortfolioItem(await tx.portfolioItem.findUniqueOrThrow({ where: { id: data.portfolioItemId } }));
  });
}
