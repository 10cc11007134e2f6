import { SignUpInput, signUp } from "@fairlance/db/services";
import { publicProcedure } from "../../trpc";
import { ZSignUpOutput } from "./sign-up.schema";

export const signUpProcedure = publicProcedure
  .input(SignUpInput)
  .output(ZSignUpOutput)
  .mutation(async ({ ctx, input }) => {
    const user = await signUp(ctx.prisma, { ...input, ip: ctx.clientAddress, now: ctx.now() });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
