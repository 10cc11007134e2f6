import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { PortfolioItemFields, savedPortfolioItem, type SavedPortfolioItem } from "./portfolio-fields";
import { assertRoomFor } from "./limits";
import { lockFreelancerProfile } from "./shared";

/** What the portfolio form sends; a retry with the same key adds nothing more. */
export const AddPortfolioItemInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  ...PortfolioItemFields,
});
export type AddPortfolioItemInput = z.input<typeof AddPortfolioItemInput>;

/** A freelancer adds a piece of work at the end of their portfolio (up to the rules' limit). */
export async function addPortfolioItem(prisma: PrismaClient, input: AddPortfolioItemInput & ActorCall): Promise<SavedPortfolioItem> {
  const data = parseCall(AddPortfolioItemInput, input);
  const { idempotencyKey, title, description, link, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "profile.addPortfolioItem", userId: actorId, key: idempotencyKey, request: { title, description, link } },
      async () => {
        await requireActor(tx, data, "FREELANCER", "add portfolio items");
        await lockFreelancerProfile(tx, actorId);
        const count = await tx.portfolioItem.count({ where: { userId: actorId } });
        assertRoomFor("portfolio", count);
        const item = await tx.portfolioItem.create({ data: { userId: actorId, title, description, link, position: count, createdAt: now } });
        return savedPortfolioItem(item);
      },
      jsonCodec<SavedPortfolioItem>(),
    );
    return result;
  });
}
