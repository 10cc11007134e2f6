import { z } from "zod";
import { ZInvitationAnswer } from "../talent/talent.schema";
import { ZFreelancerSummary } from "../feedback/feedback.schema";
import { ZJobExpiry, ZJobFields, ZJobRef, ZProposalStatus } from "./shared.schema";

export const ZGetMyJobInput = ZJobRef;

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZGetMyJobOutput = z.object({
  job: ZJobFields.extend({ connectCost: z.number().int().nullable(), createdAt: z.date(), endedAt: z.date().nullable(), expiry: ZJobExpiry, pausedAt: z.date().nullable() }),
  pausedProposals: z.number().int(),
  activityCounts: z.string(),
  ranking: z.string(),
  boostSlots: z.number().int(),
  proposals: z.array(
    z.object({
      id: z.string(),
      freelancer: ZPerson.extend({ summary: ZFreelancerSummary }),
      coverLetter: z.string(),
      bidMinor: z.bigint(),
      status: ZProposalStatus,
      invited: z.boolean(),
      boostConnects: z.number().int(),
      topSlot: z.boolean(),
      submittedAt: z.date(),
      viewedAt: z.date().nullable(),
      hasContract: z.boolean(),
      offer: z
        .object({ contractId: z.string(), status: z.enum(["OFFERED", "ACTIVE", "ENDED", "DECLINED", "EXPIRED"]), offerExpiresAt: z.date(), endedAt: z.date().nullable() })
        .nullable(),
    }),
  ),
  invitations: z.array(ZInvitationAnswer.extend({ freelancerId: z.string(), name: z.string(), note: z.string() })),
});
