import { ATTACHMENT_RULES } from "@fairlance/rules";
import { sign, signatureMatches } from "../signing";

/**
 * Download links of attachments (economy.md §5.1): `/files/attachments/<id>?expires=<unix seconds>&sig=<HMAC>`.
 * A read model makes them only for the people who may see the file (the parties, admins), valid for
 * ATTACHMENT_RULES.linkMinutes from the time the page was drawn; the route checks the signature and
 * the expiry with the same clock, and checks the session again (a link that leaks is useless to
 * anyone who is not a party or an admin, and stops working within minutes anyway).
 */
export type AttachmentLinker = (attachmentId: string) => string;

const signed = (attachmentId: string, expires: number) => `attachment:${attachmentId}:${expires}`;

/** Makes links that expire `ATTACHMENT_RULES.linkMinutes` after `now`, signed with `key`. */
export function attachmentLinker(key: Uint8Array | string, now: Date): AttachmentLinker {
  const expires = Math.floor(now.getTime() / 1000) + ATTACHMENT_RULES.linkMinutes * 60;
  return (attachmentId) => `/files/attachments/${attachmentId}?expires=${expires}&sig=${sign(key, signed(attachmentId, expires))}`;
}

export type AttachmentLinkCheck = "ok" | "expired" | "invalid";

/** Whether a link's `expires` and `sig` were made by attachmentLinker with `key`, and still hold at `now`. */
export function checkAttachmentLink(key: Uint8Array | string, link: { attachmentId: string; expires: string | null; sig: string | null }, now: Date): AttachmentLinkCheck {
  if (!link.expires || !link.sig || !/^\d{1,12}$/.test(link.expires) || !/^[A-Za-z0-9_-]{43}$/.test(link.sig)) return "invalid";
  const expires = Number(link.expires);
  if (!signatureMatches(key, signed(link.attachmentId, expires), link.sig)) return "invalid";
  return now.getTime() > expires * 1000 ? "expired" : "ok";
}
