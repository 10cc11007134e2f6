import { listOfferCandidates } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZOfferCandidates, ZOfferCandidatesInput } from "./contract.schema";

/** Freelancers a client may make a direct offer to: those they have dealt with, or found by name. */
export const listOfferCandidatesProcedure = clientProcedure
  .input(ZOfferCandidatesInput)
  .output(ZOfferCandidates)
  .query(({ ctx, input }) => listOfferCandidates(ctx.prisma, { clientId: ctx.user.id, query: input.query }));
