import { getContractPage } from "@fairlance/db/read";
import { ZContractId, ZContractPage } from "./contract.schema";
import { attachmentLinks } from "../../attachment-links";
import { partyProcedure } from "../../trpc";

export const getContractProcedure = partyProcedure
  .input(ZContractId)
  .output(ZContractPage)
  .query(({ ctx, input }) => getContractPage(ctx.prisma, input.contractId, ctx.user.id, ctx.now(), attachmentLinks(ctx.now())));
