import { router } from "../../trpc";
import { buyConnectsProcedure } from "./buy-connects";
import { cancelMembershipProcedure } from "./cancel-membership";
import { getConnectsCheckoutProcedure } from "./get-connects-checkout";
import { getConnectsOverviewProcedure } from "./get-connects-overview";
import { getConnectsRoiProcedure } from "./get-connects-roi";
import { subscribeMembershipProcedure } from "./subscribe-membership";

export const connectsRouter = router({
  overview: getConnectsOverviewProcedure,
  checkout: getConnectsCheckoutProcedure,
  roi: getConnectsRoiProcedure,
  buy: buyConnectsProcedure,
  subscribe: subscribeMembershipProcedure,
  cancelMembership: cancelMembershipProcedure,
});
