import { router } from "../../trpc";
import { acceptContractProcedure } from "./accept-contract";
import { declineContractProcedure } from "./decline-contract";
import { endContractProcedure } from "./end-contract";
import { findOfferTargetProcedure } from "./find-offer-target";
import { listOfferCandidatesProcedure } from "./list-offer-candidates";
import { getContractProcedure } from "./get-contract";
import { hireContractProcedure } from "./hire-contract";
import { listContractsProcedure } from "./list-contracts";
import { offerContractProcedure } from "./offer-contract";
import { payBonusProcedure } from "./pay-bonus";
import { quoteBonusProcedure } from "./quote-bonus";
import { quoteClientFeeProcedure } from "./quote-client-fee";
import { quoteHireProcedure } from "./quote-hire";

export const contractRouter = router({
  list: listContractsProcedure,
  get: getContractProcedure,
  hireQuote: quoteHireProcedure,
  clientFeeQuote: quoteClientFeeProcedure,
  hire: hireContractProcedure,
  offerTarget: findOfferTargetProcedure,
  offerCandidates: listOfferCandidatesProcedure,
  offer: offerContractProcedure,
  accept: acceptContractProcedure,
  decline: declineContractProcedure,
  end: endContractProcedure,
  bonusQuote: quoteBonusProcedure,
  payBonus: payBonusProcedure,
});
