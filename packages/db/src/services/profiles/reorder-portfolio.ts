import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { savedPortfolioItem, type SavedPortfolioItem } from "./portfolio-fields";
import { itemNotFound, lockFreelancerProfile } from "./shared";

/** Every item of the portfolio, once each, in the order the freelancer wants them shown. */
export const ReorderPortfolioInput = z.strictObject({
  portfolioItemIds: z.array(Id("portfolio item"), "Send the portfolio items as a list.").min(1, "Send the portfolio items in their new order."),
});
export type ReorderPortfolioInput = z.input<typeof ReorderPortfolioInput>;

/**
 * A freelancer puts their portfolio in a new order. The list must name exactly the items they have:
 * an item added or removed in another tab since the page loaded makes the order ambiguous, so it is
 * refused rather than guessed. Sending the same order again changes nothing.
 */
export async function reorderPortfolio(prisma: PrismaClient, input: ReorderPortfolioInput & ActorCall): Promise<SavedPortfolioItem[]> {
  const data = parseCall(ReorderPortfolioInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "reorder a portfolio");
    await lockFreelancerProfile(tx, data.actorId);
    const items = await tx.portfolioItem.findMany({ where: { userId: data.actorId }, select: { id: true } });
    const mine = new Set(items.map((item) => item.id));
    const wanted = new Set(data.portfolioItemIds);
    if (wanted.size !== data.portfolioItemIds.length) throw new DomainError("INVALID_REQUEST", "Name each portfolio item once.", { issues: [{ path: "portfolioItemIds", message: "Name each portfolio item once." }] });
    if (data.portfolioItemIds.some((id) => !mine.has(id))) throw itemNotFound("portfolio item");
    if (wanted.size !== mine.size) {
      throw new DomainError("CONFLICT", "Your portfolio changed since this page loaded. Reload it and put the items in order again.");
    }
    for (const [position, id] of data.portfolioItemIds.entries()) {
      await tx.portfolioItem.update({ where: { id }, data: { position } });
    }
    const ordered = await tx.portfolioItem.findMany({ where: { userId: data.actorId }, orderBy: { position: "asc" } });
    return ordered.map(savedPortfolioItem);
  });
}
