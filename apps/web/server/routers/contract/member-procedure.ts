import { TRPCError } from "@trpc/server";
import { protectedProcedure } from "../../trpc";

/** Clients and freelancers (the parties of contracts and holders of cards); admins are refused. */
export const memberProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Only clients and freelancers can do this." });
  return next();
});
