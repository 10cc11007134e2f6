import { z } from "zod";

const ZKind = z.enum(["proposal", "contract", "dispute"]);
const ZPerson = z.object({ id: z.string(), name: z.string(), role: z.enum(["CLIENT", "FREELANCER"]) });
const ZJobRef = z.object({ id: z.string(), title: z.string() }).nullable();

export const ZInboxPage = z.object({
  conversations: z.array(
    z.object({
      kind: ZKind,
      id: z.string(),
      href: z.string(),
      subject: z.string(),
      job: ZJobRef,
      with: z.array(ZPerson),
      last: z.object({ preview: z.string(), byViewer: z.boolean(), byName: z.string(), at: z.date() }).nullable(),
      lastAt: z.date(),
      unread: z.number().int(),
      closed: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
  unreadTotal: z.number().int(),
});

export const ZConversationView = z.object({
  kind: ZKind,
  id: z.string(),
  subject: z.string(),
  job: ZJobRef,
  with: z.array(ZPerson),
  context: z.object({ href: z.string(), label: z.string() }),
  closed: z.string().nullable(),
  canReply: z.boolean(),
  statements: z
    .array(
      z.object({
        id: z.string(),
        byViewer: z.boolean(),
        byName: z.string(),
        side: z.enum(["client", "freelancer", "admin"]),
        text: z.string(),
        links: z.array(z.string()),
        at: z.date(),
      }),
    )
    .nullable(),
});

export const ZConversationRead = z.object({ kind: ZKind, id: z.string(), lastReadAt: z.date(), changed: z.boolean() });

export const ZUploadedAttachment = z.object({ attachmentId: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() });

/** An attachment as pages show it, with its signed download link. */
export const ZAttachmentView = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), url: z.string() });
