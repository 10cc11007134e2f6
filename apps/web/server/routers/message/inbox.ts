import { ConversationQuery, getConversation, InboxQuery, listConversations } from "@fairlance/db/read";
import { MarkConversationReadInput, markConversationRead, markConversationUnread, uploadAttachment } from "@fairlance/db/services";
import { partyProcedure, protectedProcedure } from "../../trpc";
import { ATTACHMENT_UPLOAD, uploadInput } from "../../uploads";
import { ZConversationRead, ZConversationView, ZInboxPage, ZUploadedAttachment } from "./inbox.schema";

/** The inbox (economy.md §5.1): one's conversations, newest activity first, a page at a time, or those matching a search. */
export const inboxProcedure = protectedProcedure
  .input(InboxQuery)
  .output(ZInboxPage)
  .query(({ ctx, input }) => listConversations(ctx.prisma, { ...input, ...ctx.caller }));

/** One conversation's header (with a dispute's statements) for its people. */
export const conversationProcedure = protectedProcedure
  .input(ConversationQuery)
  .output(ZConversationView)
  .query(({ ctx, input }) => getConversation(ctx.prisma, { ...input, ...ctx.caller }));

/** Opening a conversation marks it read up to its latest message. */
export const markReadProcedure = protectedProcedure
  .input(MarkConversationReadInput)
  .output(ZConversationRead)
  .mutation(({ ctx, input }) => markConversationRead(ctx.prisma, { ...input, ...ctx.caller }));

/** "Mark as unread": the latest message from the other side counts as unread again. */
export const markUnreadProcedure = protectedProcedure
  .input(MarkConversationReadInput)
  .output(ZConversationRead)
  .mutation(({ ctx, input }) => markConversationUnread(ctx.prisma, { ...input, ...ctx.caller }));

/**
 * A file to attach to a message or to submitted work (a FormData with its `file`): its type told
 * from its bytes, at most the admin's size limit; a file it refuses is a 400 with its sentence.
 */
export const uploadAttachmentProcedure = partyProcedure
  .input(uploadInput({}, ATTACHMENT_UPLOAD))
  .output(ZUploadedAttachment)
  .mutation(({ ctx, input }) => uploadAttachment(ctx.prisma, { file: { name: input.file.name.slice(0, 1_000), bytes: input.file.bytes }, ...ctx.caller }));
