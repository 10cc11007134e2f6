import { SuspendSenderInput, suspendSender } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspendedSender } from "./moderation.schema";

/** Suspends the sender of a flagged message (the people page's suspension) and reviews the flag; audit-logged. */
export const suspendSenderProcedure = adminProcedure
  .input(SuspendSenderInput)
  .output(ZSuspendedSender)
  .mutation(({ ctx, input }) => suspendSender(ctx.prisma, { ...input, ...ctx.caller }));
