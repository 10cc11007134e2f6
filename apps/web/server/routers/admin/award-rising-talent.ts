import { GrantRisingTalentInput, grantRisingTalent } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZRisingTalentAward } from "./people.schema";

/** The Rising Talent badge with its connects, once per freelancer. */
export const awardRisingTalentProcedure = adminProcedure
  .input(GrantRisingTalentInput)
  .output(ZRisingTalentAward)
  .mutation(({ ctx, input }) => grantRisingTalent(ctx.prisma, { ...input, ...ctx.caller }));
