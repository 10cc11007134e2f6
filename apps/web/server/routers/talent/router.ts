import { router } from "../../trpc";
import { searchFreelancersProcedure } from "./search-freelancers";

export const talentRouter = router({
  search: searchFreelancersProcedure,
});
