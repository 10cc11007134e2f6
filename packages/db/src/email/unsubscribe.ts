import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "@fairlance/rules";
import { appSecret } from "../secret";
import { purposeKey, sign, signatureMatches } from "../signing";
import { appUrl } from "./app-url";

export type EmailCategory = NotificationCategory;

/**
 * Unsubscribe links (README, "Email"): `/unsubscribe?token=<user id>.<categories>.<signature>`,
 * the categories joined by "-" (one for a notification's email, those of a daily digest for the
 * digest), the signature an HMAC-SHA256 of the user and the categories under a key derived from
 * the app's secret (appSecret: the web server and the runner share it). A token does not expire:
 * an email read a year later still unsubscribes. It can only turn those categories' email off for
 * that person; it signs nobody in.
 */
const PURPOSE = "fairlance unsubscribe v1";
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z_]{1,40}(?:-[a-z_]{1,40}){0,15})\.([A-Za-z0-9_-]{43})$/;

const signature = (userId: string, categories: string, secret: string) => sign(purposeKey(PURPOSE, secret), `${userId}:${categories}`);

/** The categories in the catalogue's order, each once. */
const ordered = (categories: readonly EmailCategory[]) => NOTIFICATION_CATEGORIES.filter((category) => categories.includes(category));

/** The token of one person's categories (at least one). */
export function unsubscribeToken(userId: string, categories: EmailCategory | readonly EmailCategory[], secret: string = appSecret()): string {
  const list = ordered(typeof categories === "string" ? [categories] : categories);
  if (list.length === 0) throw new Error("An unsubscribe link names at least one category.");
  const joined = list.join("-");
  return `${userId}.${joined}.${signature(userId, joined, secret)}`;
}

/** The link of an email of those categories, absolute (it is followed from a mail client). */
export function unsubscribeUrl(userId: string, categories: EmailCategory | readonly EmailCategory[], secret: string = appSecret()): string {
  return appUrl(`/unsubscribe?token=${unsubscribeToken(userId, categories, secret)}`);
}

/** Whose and which categories' a token is, or null for anything that is not a token we signed. */
export function readUnsubscribeToken(token: string, secret: string = appSecret()): { userId: string; categories: EmailCategory[] } | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, userId, joined, given] = match as unknown as [string, string, string, string];
  if (!signatureMatches(purposeKey(PURPOSE, secret), `${userId}:${joined}`, given)) return null;
  const names = joined.split("-");
  if (!names.every((name) => (NOTIFICATION_CATEGORIES as readonly string[]).includes(name))) return null;
  return { userId, categories: ordered(names as EmailCategory[]) };
}
