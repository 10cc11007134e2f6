import { router } from "../../trpc";
import { chartEarningsProcedure } from "./chart-earnings";
import { getEarningsProcedure } from "./get-earnings";
import { listBillingsEarningsProcedure } from "./list-billings-earnings";

export const earningsRouter = router({
  get: getEarningsProcedure,
  billings: listBillingsEarningsProcedure,
  byWeek: chartEarningsProcedure,
});
