import {
  CATEGORY_INFO,
  categoryOf,
  describeNotification,
  effectivePreference,
  typedColumn,
  type NotificationDataByKind,
  type NotificationKind,
} from "@fairlance/rules";
import type { Tx } from "../client";
import { appUrl } from "../email/app-url";
import { renderEmail } from "../email/layout";
import { queueEmail } from "../email/queue";
import { unsubscribeUrl } from "../email/unsubscribe";

/** The PostgreSQL channel a committed notification is announced on; its payload is the person's id. */
export const NOTIFICATION_CHANNEL = "fairlance_notifications";

export interface NotifyEvent<K extends NotificationKind> {
  userId: string;
  kind: K;
  /** Unique per person and event ("milestone_funded:<milestone id>"): the same event notifies once. */
  eventKey: string;
  data: NotificationDataByKind[K];
  /** Where the notification leads: a path inside the app. */
  link: string;
  now: Date;
}

/**
 * Tells a person that something happened (economy.md §11), inside the transaction of the operation
 * that caused it, so an operation that rolls back tells nobody. Writes the notification once per
 * event key; an in-app choice of "off" files it as read; an "immediate" email choice queues its
 * email in the same transaction (verified addresses only); daily digests are gathered by the
 * runner. Open pages hear of it through NOTIFY, which PostgreSQL delivers only on commit.
 * Returns the notification's id, or null when this event was already notified.
 */
export async function notify<K extends NotificationKind>(tx: Tx, event: NotifyEvent<K>): Promise<string | null> {
  const { userId, kind, eventKey, data, link, now } = event;
  if (!link.startsWith("/") || link.startsWith("//")) throw new Error(`A notification links inside the app, not to ${JSON.stringify(link)}`);
  const category = categoryOf(kind);
  const { title, body } = describeNotification(kind, data);
  const chosen = await tx.notificationPreference.findUnique({ where: { userId_category: { userId, category } }, select: { inApp: true, email: true } });
  const preference = effectivePreference(category, chosen);
  const rows = await tx.notification.createManyAndReturn({
    data: [{ userId, kind, category, data: typedColumn(data), title, body, eventKey, link, readAt: preference.inApp ? null : now, createdAt: now }],
    skipDuplicates: true,
    select: { id: true },
  });
  const notificationId = rows[0]?.id;
  if (!notificationId) return null;

  if (preference.email === "IMMEDIATE") {
    const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, emailVerifiedAt: true } });
    if (person.emailVerifiedAt) {
      const info = CATEGORY_INFO[category];
      // The category's one-click link (footer and List-Unsubscribe); account emails have none.
      const unsubscribe = info.mandatory ? null : unsubscribeUrl(userId, category);
      const { text, html } = renderEmail({
        preheader: body,
        heading: title,
        paragraphs: [`Hello ${person.name},`, body],
        action: { label: "Open in Fairlance", url: appUrl(link) },
        footer: [
          `You get this email because ${info.label.toLowerCase()} emails are on in your notification settings.`,
          ...(unsubscribe ? [`Stop ${info.label.toLowerCase()} emails: ${unsubscribe}`] : ["Emails about your account's safety cannot be turned off."]),
          `Choose what we email you: ${appUrl("/account#notifications")}`,
        ],
      });
      await queueEmail(tx, { userId, to: person.email, kind: "notification", dedupeKey: `notification:${notificationId}`, subject: title, text, html, unsubscribeUrl: unsubscribe, notificationId, now });
    }
  }
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${userId})`;
  return notificationId;
}
