import { router } from "../../trpc";
import { addEducationProcedure } from "./add-education";
import { addEmploymentProcedure } from "./add-employment";
import { addPortfolioItemProcedure } from "./add-portfolio-item";
import { getClientProfileProcedure } from "./get-client-profile";
import { getFreelancerProfileProcedure } from "./get-freelancer-profile";
import { getMyProfileProcedure } from "./get-my-profile";
import { removeAvatarProcedure } from "./remove-avatar";
import { removeEducationProcedure } from "./remove-education";
import { removeEmploymentProcedure } from "./remove-employment";
import { removePortfolioImageProcedure } from "./remove-portfolio-image";
import { removePortfolioItemProcedure } from "./remove-portfolio-item";
import { reorderPortfolioProcedure } from "./reorder-portfolio";
import { setAvatarProcedure } from "./set-avatar";
import { setPortfolioImageProcedure } from "./set-portfolio-image";
import { updateClientProfileProcedure } from "./update-client-profile";
import { updateEducationProcedure } from "./update-education";
import { updateEmploymentProcedure } from "./update-employment";
import { updateFreelancerProfileProcedure } from "./update-freelancer-profile";
import { updatePortfolioItemProcedure } from "./update-portfolio-item";

/** Profiles (issue 15): freelancers' and clients' profiles, portfolio, employment, education, photos. */
export const profileRouter = router({
  freelancer: getFreelancerProfileProcedure,
  client: getClientProfileProcedure,
  mine: getMyProfileProcedure,
  updateFreelancer: updateFreelancerProfileProcedure,
  updateClient: updateClientProfileProcedure,
  addPortfolioItem: addPortfolioItemProcedure,
  updatePortfolioItem: updatePortfolioItemProcedure,
  removePortfolioItem: removePortfolioItemProcedure,
  reorderPortfolio: reorderPortfolioProcedure,
  setPortfolioImage: setPortfolioImageProcedure,
  removePortfolioImage: removePortfolioImageProcedure,
  addEmployment: addEmploymentProcedure,
  updateEmployment: updateEmploymentProcedure,
  removeEmployment: removeEmploymentProcedure,
  addEducation: addEducationProcedure,
  updateEducation: updateEducationProcedure,
  removeEducation: removeEducationProcedure,
  setAvatar: setAvatarProcedure,
  removeAvatar: removeAvatarProcedure,
});
