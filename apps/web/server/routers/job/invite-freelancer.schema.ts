import { z } from "zod";

export const ZInviteFreelancerOutput = z.object({ invitationId: z.string(), jobId: z.string(), freelancerId: z.string(), createdAt: z.date() });
