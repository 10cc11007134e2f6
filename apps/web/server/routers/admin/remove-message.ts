import { RemoveMessageInput, removeMessage } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZRemovedMessage } from "./moderation.schema";

/** Removes a message: both people see a notice instead, the sender sees why; audit-logged (economy.md §5). */
export const removeMessageProcedure = adminProcedure
  .input(RemoveMessageInput)
  .output(ZRemovedMessage)
  .mutation(({ ctx, input }) => removeMessage(ctx.prisma, { ...input, ...ctx.caller }));
