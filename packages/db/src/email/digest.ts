import { CATEGORY_INFO, NOTIFICATION_CATEGORIES, addDays, formatUtcMoment, startOfUtcDay } from "@fairlance/rules";
import { Prisma, type PrismaClient } from "../client";
import { appUrl } from "./app-url";
import { renderEmail } from "./layout";
import { queueEmail } from "./queue";
import type { SystemCall } from "../services/actor";
import { runTransaction } from "../transaction";
import { unsubscribeUrl, type EmailCategory } from "./unsubscribe";

/** How far back a digest looks for notifications not yet digested (a runner stopped for days still catches up). */
export const DIGEST_LOOKBACK_DAYS = 7;

interface DigestItem {
  id: string;
  category: EmailCategory;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

export interface SentDigests {
  /** Digests written to the outbox (send_emails sends them). */
  digests: number;
  notifications: number;
}

/** The catalogue's default email frequency of each category, as SQL rows (category, email). */
function defaultsTable() {
  return Prisma.join(NOTIFICATION_CATEGORIES.map((category) => Prisma.sql`(${category}::text, ${CATEGORY_INFO[category].defaults.email}::text)`));
}

/**
 * The notifications a digest may take: categories whose email is DAILY_DIGEST for their person
 * (their own choice, or the catalogue's default), written before `before` and since the later of
 * the person's choice of digest and the look-back, not digested and not emailed on their own.
 */
function digestible(before: Date, since: Date, userId?: string) {
  return Prisma.sql`
    FROM "Notification" n
    JOIN (VALUES ${defaultsTable()}) AS d(category, email) ON d.category = n.category
    LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.category = n.category
    WHERE n."digestedAt" IS NULL
      AND n."createdAt" < ${before}
      AND n."createdAt" >= greatest(${since}::timestamptz, coalesce(p."updatedAt", ${since}::timestamptz))
      AND coalesce(p.email::text, d.email) = 'DAILY_DIGEST'
      AND NOT EXISTS (SELECT 1 FROM "EmailOutbox" e WHERE e."notificationId" = n.id)
      ${userId ? Prisma.sql`AND n."userId" = ${userId}::uuid` : Prisma.empty}`;
}

/**
 * The runner's send_digests task (README, "Email"): once per marketplace day (UTC), each person
 * with notifications in a category they take as a daily digest gets one email listing them, the
 * day before's and any earlier ones not digested yet. The outbox row (dedupeKey
 * `digest:<user>:<day>`) and the notifications' `digestedAt` are written in one transaction, so a
 * notification is in one digest at most, and a second run the same day writes nothing new.
 */
export async function sendDigests(prisma: PrismaClient, call: SystemCall): Promise<SentDigests> {
  const today = startOfUtcDay(call.now);
  const since = addDays(today, -DIGEST_LOOKBACK_DAYS);
  const people = await prisma.$queryRaw<{ userId: string }[]>(Prisma.sql`SELECT DISTINCT n."userId" ${digestible(today, since)}`);
  const result: SentDigests = { digests: 0, notifications: 0 };
  for (const { userId } of people) {
    const taken = await runTransaction(prisma, async (tx) => {
      const items = await tx.$queryRaw<DigestItem[]>(
        Prisma.sql`SELECT n.id, n.category, n.title, n.body, n.link, n."createdAt" ${digestible(today, since, userId)} ORDER BY n."createdAt", n.id FOR UPDATE OF n`,
      );
      if (items.length === 0) return 0;
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerifiedAt: true } });
      // Like notify(): emails go to confirmed addresses only; the notifications wait in the app.
      if (!user?.emailVerifiedAt) return 0;
      const day = addDays(today, -1).toISOString().slice(0, 10);
      const categories = NOTIFICATION_CATEGORIES.filter((category) => items.some((item) => item.category === category));
      const unsubscribe = unsubscribeUrl(userId, categories);
      const email = renderDigest(user.name, day, items, categories, unsubscribe);
      const queued = await queueEmail(tx, {
        userId,
        to: user.email,
        kind: "digest",
        dedupeKey: `digest:${userId}:${today.toISOString().slice(0, 10)}`,
        subject: email.subject,
        text: email.text,
        html: email.html,
        unsubscribeUrl: unsubscribe,
        now: call.now,
      });
      // Already written today (another runner, or an earlier tick): these wait for tomorrow's.
      if (!queued) return 0;
      await tx.notification.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { digestedAt: call.now } });
      return items.length;
    });
    if (taken > 0) {
      result.digests += 1;
      result.notifications += taken;
    }
  }
  return result;
}

/** The digest's words: each notification as it was told in the app, by category, oldest first. */
export function renderDigest(name: string, day: string, items: readonly DigestItem[], categories: readonly EmailCategory[], unsubscribe: string) {
  const count = items.length === 1 ? "1 notification" : `${items.length} notifications`;
  const paragraphs = categories.flatMap((category) => [
    `${CATEGORY_INFO[category].label}:`,
    ...items.filter((item) => item.category === category).map((item) => `${item.title} — ${item.body} (${formatUtcMoment(item.createdAt)}; ${appUrl(item.link)})`),
  ]);
  const labels = categories.map((category) => CATEGORY_INFO[category].label);
  const rendered = renderEmail({
    preheader: `Your daily digest: ${count}.`,
    heading: `Your Fairlance digest for ${day}`,
    paragraphs: [`Hello ${name}, here is what happened that you get as a daily digest (${count}).`, ...paragraphs],
    action: { label: "Open your notifications", url: appUrl("/notifications") },
    footer: [
      `You get ${labels.join(", ").toLowerCase()} notifications as a daily digest.`,
      `Stop these emails: ${unsubscribe}`,
      `Choose what we email you: ${appUrl("/account#notifications")}`,
    ],
  });
  return { subject: `Your Fairlance digest: ${count}`, ...rendered };
}
