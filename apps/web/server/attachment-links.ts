import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { attachmentLinker, checkAttachmentLink, type AttachmentLinker, type AttachmentLinkCheck } from "@fairlance/db/files";
import { dbEnv } from "@fairlance/db/env";

/**
 * The key of attachment download links (economy.md §5.1), derived from NEXTAUTH_SECRET so that every
 * instance of the app signs and checks alike. Without a secret (tests, `next dev` started by hand) a
 * random key per process: links work in the process that made them.
 */
const KEY = createHash("sha256")
  .update("fairlance attachment links\0")
  .update(dbEnv.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"))
  .digest();

/** The links a read model gives the people it shows attachments to, valid from `now` (the marketplace clock). */
export const attachmentLinks = (now: Date): AttachmentLinker => attachmentLinker(KEY, now);

/** Whether a download link's signature is ours and it has not expired at `now`. */
export const checkDownloadLink = (link: { attachmentId: string; expires: string | null; sig: string | null }, now: Date): AttachmentLinkCheck =>
  checkAttachmentLink(KEY, link, now);
