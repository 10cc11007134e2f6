import { router } from "../../trpc";
import { listSavedFreelancersProcedure } from "./list-saved-freelancers";
import { listSavedJobsProcedure } from "./list-saved-jobs";
import { saveFreelancerProcedure } from "./save-freelancer";
import { saveJobProcedure } from "./save-job";
import { unsaveFreelancerProcedure } from "./unsave-freelancer";
import { unsaveJobProcedure } from "./unsave-job";

export const savedRouter = router({
  jobs: listSavedJobsProcedure,
  saveJob: saveJobProcedure,
  unsaveJob: unsaveJobProcedure,
  freelancers: listSavedFreelancersProcedure,
  saveFreelancer: saveFreelancerProcedure,
  unsaveFreelancer: unsaveFreelancerProcedure,
});
