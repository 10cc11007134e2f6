import { gatewayFollowUp } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZGatewayFollowUp } from "./ledger.schema";

/** The latest reconciliation with the gateway and the refunds still owed to cards. */
export const getGatewayFollowUpProcedure = adminProcedure.output(ZGatewayFollowUp).query(({ ctx }) => gatewayFollowUp(ctx.prisma, ctx.caller));
