import { WarnSenderInput, warnSender } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSenderWarning } from "./moderation.schema";

/** Warns the sender of a message; they see it on their dashboard; audit-logged (economy.md §5). */
export const warnSenderProcedure = adminProcedure
  .input(WarnSenderInput)
  .output(ZSenderWarning)
  .mutation(({ ctx, input }) => warnSender(ctx.prisma, { ...input, ...ctx.caller }));
