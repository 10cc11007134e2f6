import { UpdatePreferencesInput, updatePreferences } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZPreferences } from "./preferences.schema";

/** Changes some categories' choices; mandatory categories keep their email on. Answers every category as it now is. */
export const updatePreferencesProcedure = protectedProcedure
  .input(UpdatePreferencesInput)
  .output(ZPreferences)
  .mutation(({ ctx, input }) => updatePreferences(ctx.prisma, { ...input, ...ctx.caller }));
