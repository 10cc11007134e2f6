import { maskEmail, VERIFICATION_ACTION_WORDS, type VerificationAction } from "@fairlance/rules";
import type { Db } from "../client";
import { accountGone } from "../services/actor";
import { pendingEmailChange } from "../services/account/tokens";
import { loadSettings } from "../settings/load-settings";

/** A session still counts while it is used within this many days (the cookie's own lifetime, apps/web server/auth.ts). */
export const SESSION_IDLE_DAYS = 7;

export interface AccountSession {
  id: string;
  /** The browser and system in words ("Chrome on Windows"), from what the browser called itself. */
  browser: string;
  ip: string;
  signedInAt: Date;
  lastSeenAt: Date;
  /** The browser reading this page. */
  current: boolean;
}

export interface AccountPage {
  name: string;
  email: string;
  role: "CLIENT" | "FREELANCER" | "ADMIN";
  emailVerifiedAt: Date | null;
  /** A new address waiting for its link to be followed, or null. */
  pendingEmail: string | null;
  /** What waits for a confirmed email under the settings in force (economy.md §13), in words. */
  waitsForConfirmation: string[];
  /** The person's signed-in browsers, this one first, then the most recently seen. */
  sessions: AccountSession[];
  /** The marketplace's time of this answer (economy.md §0.7). */
  now: Date;
}

/** What the Account page shows: name, email and whether it is confirmed, a pending change, and the active sessions. */
export async function getAccountPage(db: Db, input: { actorId: string; sessionId: string | null; now: Date }): Promise<AccountPage> {
  const user = await db.user.findUnique({ where: { id: input.actorId }, select: { name: true, email: true, role: true, emailVerifiedAt: true } });
  if (!user) throw accountGone();
  const [pendingEmail, rows, { settings }] = await Promise.all([
    pendingEmailChange(db, input.actorId, user.email, input.now),
    db.userSession.findMany({
      where: { userId: input.actorId, endedAt: null, lastSeenAt: { gt: new Date(input.now.getTime() - SESSION_IDLE_DAYS * 86_400_000) } },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
    }),
    loadSettings(db, input.now),
  ]);
  const sessions = rows
    .map((row) => ({ id: row.id, browser: describeBrowser(row.userAgent), ip: row.ip, signedInAt: row.createdAt, lastSeenAt: row.lastSeenAt, current: row.id === input.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  const waitsForConfirmation = user.emailVerifiedAt ? [] : settings.verificationRequiredFor.map((action: VerificationAction) => VERIFICATION_ACTION_WORDS[action]);
  return { ...user, pendingEmail, waitsForConfirmation, sessions, now: input.now };
}

export interface UnconfirmedEmail {
  /** The address hinted at ("a…@example.com"). */
  maskedEmail: string;
  /** What waits for it, in words ("send proposals"); empty when the settings require it for nothing. */
  waiting: { action: VerificationAction; words: string }[];
}

/** Whether the person still has to confirm their email, and what waits for it (null when confirmed). */
export async function unconfirmedEmail(db: Db, input: { actorId: string; now: Date }): Promise<UnconfirmedEmail | null> {
  const user = await db.user.findUnique({ where: { id: input.actorId }, select: { email: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return null;
  const { settings } = await loadSettings(db, input.now);
  return { maskedEmail: maskEmail(user.email), waiting: settings.verificationRequiredFor.map((action) => ({ action, words: VERIFICATION_ACTION_WORDS[action] })) };
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** A browser's User-Agent in words: "Chrome on Windows", "Safari on iOS", "Firefox", "An unknown browser". */
export function describeBrowser(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${/HeadlessChrome/.test(userAgent) ? "Headless Chrome" : browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "An unknown browser");
}
