import { getConnectsCheckout } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZConnectsCheckout } from "./get-connects-checkout.schema";

/** How the freelancer can pay right now: verified cards, and earnings when the settings allow it. */
export const getConnectsCheckoutProcedure = freelancerProcedure
  .output(ZConnectsCheckout)
  .query(({ ctx }) => getConnectsCheckout(ctx.prisma, ctx.user.id, ctx.now()));
