import "server-only";
import { attachmentLinker, checkAttachmentLink, purposeKey, type AttachmentLinker, type AttachmentLinkCheck } from "@fairlance/db/files";

/**
 * The key of attachment download links (economy.md §5.1), derived from the app's one secret
 * (NEXTAUTH_SECRET, or the generated one every process of this checkout shares), so that every
 * instance of the app signs and checks alike. Derived at the first link, not at import.
 */
let key: Buffer | undefined;
const KEY = () => (key ??= purposeKey("fairlance attachment links v1"));

/** The links a read model gives the people it shows attachments to, valid from `now` (the marketplace clock). */
export const attachmentLinks = (now: Date): AttachmentLinker => attachmentLinker(KEY(), now);

/** Whether a download link's signature is ours and it has not expired at `now`. */
export const checkDownloadLink = (link: { attachmentId: string; expires: string | null; sig: string | null }, now: Date): AttachmentLinkCheck =>
  checkAttachmentLink(KEY(), link, now);
