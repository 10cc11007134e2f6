import { z } from "zod";
import { Id } from "@fairlance/db/services";
import { ZAttachmentView } from "./inbox.schema";

export const ZThreadRef = z
  .strictObject({ proposalId: Id("proposal").optional(), contractId: Id("contract").optional() })
  .refine((ref) => Boolean(ref.proposalId) !== Boolean(ref.contractId), "Open one proposal or one contract.");

export const ZScamWarning = z.object({ message: z.string(), matches: z.array(z.object({ patternId: z.string(), label: z.string() })) });

export const ZListMessagesInput = ZThreadRef;
export const ZListMessagesOutput = z.array(
  z.object({
    id: z.string(),
    senderId: z.string(),
    recipientId: z.string(),
    body: z.string(),
    createdAt: z.date(),
    mine: z.boolean(),
    warning: ZScamWarning.nullable(),
    removed: z.object({ at: z.date(), reason: z.string().nullable() }).nullable(),
    attachments: z.array(ZAttachmentView),
  }),
);
