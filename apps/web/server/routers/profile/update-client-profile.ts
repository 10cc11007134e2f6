import { UpdateClientProfileInput, updateClientProfile } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZUpdatedClientProfile } from "./profile.schema";

/** A client rewrites their profile. */
export const updateClientProfileProcedure = clientProcedure
  .input(UpdateClientProfileInput)
  .output(ZUpdatedClientProfile)
  .mutation(({ ctx, input }) => updateClientProfile(ctx.prisma, { ...input, ...ctx.caller }));
