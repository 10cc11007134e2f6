import { router } from "../../trpc";
import { addMilestoneProcedure } from "./add-milestone";
import { approveMilestoneProcedure } from "./approve-milestone";
import { fundMilestoneProcedure } from "./fund-milestone";
import { refundMilestoneProcedure } from "./refund-milestone";
import { requestChangesMilestoneProcedure } from "./request-changes-milestone";
import { submitMilestoneProcedure } from "./submit-milestone";
import { requestRefundProcedure } from "./request-refund";
import { withdrawRefundRequestProcedure } from "./withdraw-refund-request";
import { disputeMilestoneProcedure } from "./dispute-milestone";

export const milestoneRouter = router({
  add: addMilestoneProcedure,
  fund: fundMilestoneProcedure,
  submit: submitMilestoneProcedure,
  approve: approveMilestoneProcedure,
  requestChanges: requestChangesMilestoneProcedure,
  refund: refundMilestoneProcedure,
  requestRefund: requestRefundProcedure,
  withdrawRefundRequest: withdrawRefundRequestProcedure,
  dispute: disputeMilestoneProcedure,
});
