import { z } from "zod";
import { MyInvitationsInput } from "@fairlance/db/read";
import { ZJobStatus } from "../job/shared.schema";
import { ZInvitationStatus } from "../talent/talent.schema";

export const ZMyInvitationsInput = MyInvitationsInput;

export const ZMyInvitationsOutput = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      job: z.object({ id: z.string(), title: z.string(), status: ZJobStatus }),
      client: z.object({ id: z.string(), name: z.string() }),
      message: z.string(),
      status: ZInvitationStatus,
      createdAt: z.date(),
      respondedAt: z.date().nullable(),
      declineReason: z.string().nullable(),
      jobOpen: z.boolean(),
      canAnswer: z.boolean(),
      note: z.string(),
    }),
  ),
  waiting: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
});

export const ZDeclinedInvitation = z.object({
  invitationId: z.string(),
  jobId: z.string(),
  status: ZInvitationStatus,
  respondedAt: z.date(),
  declineReason: z.string().nullable(),
});
