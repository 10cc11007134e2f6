import { createHash } from "node:crypto";
import { ATTACHMENT_RULES, ATTACHMENT_TEXT, ATTACHMENT_TYPES, attachmentTooLarge, cleanFileName } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { describeOtherFile, sniffAttachmentType } from "../../files/sniff";
import { fileStore } from "../../files/config";
import { newAttachmentKey, type FileStore } from "../../files/storage";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";

/** The uploaded file: its bytes, and the name the browser gave it (cleaned, shown, never trusted). */
export const UploadAttachmentInput = z.strictObject({
  file: z.strictObject({
    name: z.string("Give the file a name.").max(1_000, "The file's name is too long."),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "Choose a file to upload." }),
  }),
});
export type UploadAttachmentInput = z.input<typeof UploadAttachmentInput>;

export interface UploadedAttachment {
  attachmentId: string;
  fileName: string;
  /** The type sniffed from the bytes. */
  contentType: string;
  sizeBytes: number;
}

const refuse = (message: string) => new DomainError("INVALID_REQUEST", message, { issues: [{ path: "file", message }] });

/**
 * A client or a freelancer uploads a file to attach (economy.md §5.1): not empty, at most the
 * admin's size limit, of a type told from its bytes (PDF, PNG, JPEG, GIF, WebP, ZIP-based
 * documents, plain UTF-8 text). It is stored under a new private key and kept for the message or
 * submission that names it; one nothing takes is deleted after a day (delete_unattached_uploads).
 */
export async function uploadAttachment(prisma: PrismaClient, input: UploadAttachmentInput & ActorCall, deps: { store?: FileStore } = {}): Promise<UploadedAttachment> {
  const data = parseCall(UploadAttachmentInput, input);
  const actor = await requireActor(prisma, data, ["CLIENT", "FREELANCER"], "attach files", { active: true });
  const { bytes, name } = data.file;
  if (bytes.byteLength === 0) throw refuse(ATTACHMENT_TEXT.empty);
  const { settings } = await loadSettings(prisma, data.now);
  if (bytes.byteLength > settings.attachmentMaxBytes) throw refuse(attachmentTooLarge(bytes.byteLength, settings.attachmentMaxBytes));
  const type = sniffAttachmentType(bytes);
  if (!type) throw refuse(ATTACHMENT_TEXT.wrongType(describeOtherFile(bytes)));
  const since = new Date(data.now.getTime() - ATTACHMENT_RULES.unattachedHours * 3_600_000);
  const waiting = await prisma.attachment.count({ where: { uploaderId: actor.id, messageId: null, milestoneId: null, createdAt: { gt: since } } });
  if (waiting >= ATTACHMENT_RULES.maxUnattachedPerDay) throw new DomainError("TOO_MANY_ATTEMPTS", ATTACHMENT_TEXT.tooManyUploads);

  const store = deps.store ?? fileStore();
  const key = newAttachmentKey();
  const contentType = ATTACHMENT_TYPES[type].mime;
  await store.put(key, bytes, contentType);
  try {
    const row = await runTransaction(prisma, (tx) =>
      tx.attachment.create({
        data: {
          uploaderId: actor.id,
          fileKey: key,
          fileName: cleanFileName(name, type),
          contentType,
          sizeBytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          createdAt: data.now,
        },
        select: { id: true, fileName: true, contentType: true, sizeBytes: true },
      }),
    );
    return { attachmentId: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes };
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}
