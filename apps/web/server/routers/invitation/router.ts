import { router } from "../../trpc";
import { declineInvitationProcedure } from "./decline-invitation";
import { listMyInvitationsProcedure } from "./list-my-invitations";

export const invitationRouter = router({
  mine: listMyInvitationsProcedure,
  decline: declineInvitationProcedure,
});
