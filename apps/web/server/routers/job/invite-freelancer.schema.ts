import { z } from "zod";
import { InviteFreelancerInput } from "@fairlance/db/services";

export const ZInviteFreelancerInput = InviteFreelancerInput;
export const ZInviteFreelancerOutput = z.object({ invitationId: z.string(), jobId: z.string(), freelancerId: z.string(), createdAt: z.date() });
