import { router } from "../../trpc";
import { conversationProcedure, inboxProcedure, markReadProcedure, markUnreadProcedure, uploadAttachmentProcedure } from "./inbox";
import { listMessagesProcedure } from "./list-messages";
import { sendMessageProcedure } from "./send-message";

export const messageRouter = router({
  list: listMessagesProcedure,
  send: sendMessageProcedure,
  // The inbox and attachments (issue 16)
  inbox: inboxProcedure,
  conversation: conversationProcedure,
  markRead: markReadProcedure,
  markUnread: markUnreadProcedure,
  uploadAttachment: uploadAttachmentProcedure,
});
