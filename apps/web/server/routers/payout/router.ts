import { router } from "../../trpc";
import { addMethodPayoutProcedure } from "./add-method-payout";
import { getPayoutsProcedure } from "./get-payouts";
import { quotePayoutProcedure } from "./quote-payout";
import { setAutoPayoutProcedure } from "./set-auto-payout";
import { withdrawPayoutProcedure } from "./withdraw-payout";

export const payoutRouter = router({
  overview: getPayoutsProcedure,
  addMethod: addMethodPayoutProcedure,
  quote: quotePayoutProcedure,
  withdraw: withdrawPayoutProcedure,
  setAuto: setAutoPayoutProcedure,
});
