import { TRPCError } from "@trpc/server";
import { protectedProcedure } from "../../trpc";

/** Conversations are between a client and a freelancer; admins review flagged messages elsewhere. */
export const peopleProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Only clients and freelancers can do this." });
  return next();
});
