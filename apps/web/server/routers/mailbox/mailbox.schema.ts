import { z } from "zod";
import { Id } from "@fairlance/db/services";

const ZStatus = z.enum(["PENDING", "SENT", "FAILED"]);

export const ZMailboxEntry = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: ZStatus,
  attempts: z.number().int(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const ZMailboxPage = z.object({ emails: z.array(ZMailboxEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZMailboxEmail = ZMailboxEntry.extend({ text: z.string(), html: z.string(), unsubscribeUrl: z.string().nullable(), lastError: z.string().nullable() });

/** The mailbox's search: part of a recipient's address, and a page. */
export const ZMailboxListInput = z.strictObject({
  to: z.string("Type part of an address.").trim().max(254, "An address is at most 254 characters.").optional(),
  page: z.int("Pages are whole numbers.").min(1, "Pages start at 1.").max(10_000, "There are not that many pages.").optional(),
});

export const ZMailboxGetInput = z.strictObject({ id: Id("email") });
