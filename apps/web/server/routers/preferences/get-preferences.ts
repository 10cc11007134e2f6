import { getNotificationPreferences } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";
import { ZPreferences } from "./preferences.schema";

/** The signed-in person's notification choices, per category: in the app, and by email (README, "Email"). */
export const getPreferencesProcedure = protectedProcedure.output(ZPreferences).query(({ ctx }) => getNotificationPreferences(ctx.prisma, ctx.caller.actorId));
