import { router } from "../../trpc";
import { closeJobProcedure } from "./close-job";
import { editJobProcedure } from "./edit-job";
import { getJobProcedure } from "./get-job";
import { getMyJobProcedure } from "./get-my-job";
import { inviteFreelancerProcedure } from "./invite-freelancer";
import { listInviteCandidatesProcedure } from "./list-invite-candidates";
import { listMyJobsProcedure } from "./list-my-jobs";
import { postJobProcedure } from "./post-job";
import { previewJobCostProcedure } from "./preview-job-cost";
import { publishJobProcedure } from "./publish-job";
import { searchJobsProcedure } from "./search-jobs";

export const jobRouter = router({
  search: searchJobsProcedure,
  get: getJobProcedure,
  previewCost: previewJobCostProcedure,
  post: postJobProcedure,
  publish: publishJobProcedure,
  edit: editJobProcedure,
  close: closeJobProcedure,
  listMine: listMyJobsProcedure,
  getMine: getMyJobProcedure,
  inviteCandidates: listInviteCandidatesProcedure,
  invite: inviteFreelancerProcedure,
});
