import { grantRisingTalent } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZRisingTalentAward, ZRisingTalentInput } from "./people.schema";

/** The Rising Talent badge with its connects, once per freelancer. */
export const awardRisingTalentProcedure = adminProcedure
  .input(ZRisingTalentInput)
  .output(ZRisingTalentAward)
  .mutation(({ ctx, input }) => grantRisingTalent(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
