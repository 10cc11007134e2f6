import type { Db } from "../client";
import type { AttachmentLinker } from "../files/attachment-links";
import { loadSettings } from "../settings/load-settings";
import { threadFor, warningFor, type ScamWarning } from "../services/messages/thread";

export interface ThreadMessage {
  id: string;
  senderId: string;
  recipientId: string;
  body: string;
  createdAt: Date;
  mine: boolean;
  /** The scam-shield warning, shown to the recipient only. */
  warning: ScamWarning | null;
  /**
   * Removed by an admin (economy.md §5): the body is gone for both people; the sender is told why
   * (`reason`), the recipient only that it was removed (`reason` null).
   */
  removed: { at: Date; reason: string | null } | null;
  /** Files sent with it, each with a signed download link (none once the message is removed). */
  attachments: AttachmentView[];
}

/** An attachment as a page shows it: its name, type, size and a download link that expires (economy.md §5.1). */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export const ATTACHMENT_VIEW_COLUMNS = { id: true, fileName: true, contentType: true, sizeBytes: true } as const;

/** Attachments with their links, made for the viewer the read model has already let in. */
export const attachmentViews = (rows: readonly { id: string; fileName: string; contentType: string; sizeBytes: number }[], links: AttachmentLinker): AttachmentView[] =>
  rows.map((row) => ({ ...row, url: links(row.id) }));

/** The messages of one proposal or contract, oldest first, for its two people only (economy.md §5). */
export async function listMessages(
  db: Db,
  input: { actorId: string; proposalId?: string | null; contractId?: string | null; now: Date; links: AttachmentLinker },
): Promise<ThreadMessage[]> {
  const thread = await threadFor(db, input, input.actorId);
  const { settings } = await loadSettings(db, input.now);
  const messages = await db.message.findMany({
    where: thread.proposalId ? { proposalId: thread.proposalId } : { contractId: thread.contractId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      senderId: true,
      recipientId: true,
      body: true,
      createdAt: true,
      flags: true,
      removedAt: true,
      removedReason: true,
      attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ATTACHMENT_VIEW_COLUMNS },
    },
  });
  return messages.map(({ flags, removedAt, removedReason, attachments, ...message }) => {
    const mine = message.senderId === input.actorId;
    if (removedAt) return { ...message, body: "", mine, warning: null, removed: { at: removedAt, reason: mine ? removedReason : null }, attachments: [] };
    return {
      ...message,
      mine,
      warning: message.recipientId === input.actorId ? warningFor(flags, settings.scamShieldPatterns) : null,
      removed: null,
      attachments: attachmentViews(attachments, input.links),
    };
  });
}
