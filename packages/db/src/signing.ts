import { createHmac, timingSafeEqual } from "node:crypto";
import { appSecret } from "./secret";

/**
 * Signed links (unsubscribe links, attachment downloads): one HMAC-SHA256 construction for all of
 * them. Each kind of link signs under its own key, derived from the app's one secret and a purpose
 * string, so a signature made for one kind is never valid for another.
 */
export const purposeKey = (purpose: string, secret: string = appSecret()): Buffer => createHmac("sha256", secret).update(purpose).digest();

/** The signature of `text` under `key`: 43 base64url characters. */
export const sign = (key: Uint8Array | string, text: string): string => createHmac("sha256", key).update(text).digest("base64url");

/** Whether `given` is the signature of `text` under `key`, compared in constant time. */
export function signatureMatches(key: Uint8Array | string, text: string, given: string): boolean {
  const expected = Buffer.from(sign(key, text));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
