import { ATTACHMENT_RULES, ATTACHMENT_TEXT } from "@fairlance/rules";
import { z } from "zod";
import type { Tx } from "../../client";
import { DomainError } from "../../errors";
import { Id } from "../input";

/** The files a message or a submission of work takes: ids of the sender's own uploads, at most ATTACHMENT_RULES.maxFilesPerMessage. */
export const AttachmentIds = z
  .array(Id("attachment"), "Send the attachments as a list of ids.")
  .max(ATTACHMENT_RULES.maxFilesPerMessage, ATTACHMENT_TEXT.tooMany)
  .refine((ids) => new Set(ids).size === ids.length, ATTACHMENT_TEXT.duplicate);

const refuse = (message: string) => new DomainError("INVALID_REQUEST", message, { issues: [{ path: "attachmentIds", message }] });

/**
 * Gives the uploads `attachmentIds` to a message or a milestone, in the transaction that creates
 * or submits it: each must be the actor's own upload that nothing has taken yet (locked first, so
 * two messages never take the same file). Returns them in the order given.
 */
export async function claimAttachments(
  tx: Tx,
  input: { attachmentIds: readonly string[]; uploaderId: string; to: { messageId: string } | { milestoneId: string } },
): Promise<{ id: string; fileName: string; contentType: string; sizeBytes: number }[]> {
  const ids = [...input.attachmentIds];
  if (ids.length === 0) return [];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Attachment"
    WHERE id = ANY(${ids}::uuid[]) AND "uploaderId" = ${input.uploaderId}::uuid AND "messageId" IS NULL AND "milestoneId" IS NULL
    FOR UPDATE`;
  if (locked.length !== ids.length) throw refuse(ATTACHMENT_TEXT.notYours);
  await tx.attachment.updateMany({ where: { id: { in: ids } }, data: input.to });
  const rows = await tx.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true, contentType: true, sizeBytes: true } });
  return ids.map((id) => rows.find((row) => row.id === id)!);
}
