import type { Db } from "../client";
import { DomainError } from "../errors";

export interface AttachmentDownload {
  fileKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const notFound = () => new DomainError("NOT_FOUND", "There is no file at this address, or it is not yours to download.");

/**
 * An attachment for the download route (economy.md §5.1), if the viewer may have it: the two
 * people of its message's conversation, the two parties of its milestone's contract, its uploader
 * before it is sent, and admins. Anyone else is told there is no such file.
 */
export async function attachmentForDownload(db: Db, input: { attachmentId: string; viewer: { id: string; role: string } }): Promise<AttachmentDownload> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.attachmentId)) throw notFound();
  const row = await db.attachment.findUnique({
    where: { id: input.attachmentId },
    select: {
      fileKey: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      uploaderId: true,
      message: { select: { senderId: true, recipientId: true, removedAt: true } },
      milestone: { select: { contract: { select: { clientId: true, freelancerId: true } } } },
    },
  });
  if (!row) throw notFound();
  const { viewer } = input;
  const parties = row.message ? [row.message.senderId, row.message.recipientId] : row.milestone ? [row.milestone.contract.clientId, row.milestone.contract.freelancerId] : [row.uploaderId];
  // A message an admin removed takes its files with it, for the parties (admins still see what was removed).
  const removed = row.message?.removedAt != null;
  const allowed = viewer.role === "ADMIN" || (parties.includes(viewer.id) && !removed);
  if (!allowed) throw notFound();
  return { fileKey: row.fileKey, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}
