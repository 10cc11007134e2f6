import { describeUnsubscribe } from "@fairlance/db/read";
import { publicProcedure } from "../../trpc";
import { ZUnsubscribeInfoInput, ZUnsubscribeView } from "./preferences.schema";

/**
 * What an email's unsubscribe link would turn off, for the page that asks to confirm: anyone with
 * the link (it is read from a mail client, signed in or not). It changes nothing; the change is
 * the POST to /unsubscribe (app/api/unsubscribe/route.ts).
 */
export const unsubscribeInfoProcedure = publicProcedure
  .input(ZUnsubscribeInfoInput)
  .output(ZUnsubscribeView)
  .query(({ ctx, input }) => describeUnsubscribe(ctx.prisma, input));
