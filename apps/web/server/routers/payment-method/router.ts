import { router } from "../../trpc";
import { addPaymentMethodProcedure } from "./add-payment-method";
import { listPaymentMethodsProcedure } from "./list-payment-methods";
import { verifyPaymentMethodProcedure } from "./verify-payment-method";

export const paymentMethodRouter = router({
  list: listPaymentMethodsProcedure,
  add: addPaymentMethodProcedure,
  verify: verifyPaymentMethodProcedure,
});
