import { CATEGORY_INFO, NOTIFICATION_CATEGORIES, effectivePreference, type EmailFrequencyChoice, type NotificationCategory } from "@fairlance/rules";
import type { Db } from "../client";

/** One category of notifications as the Account page shows it, with the person's choice in force. */
export interface CategoryPreference {
  category: NotificationCategory;
  label: string;
  description: string;
  /** Account and security: email cannot be turned off. */
  mandatory: boolean;
  inApp: boolean;
  email: EmailFrequencyChoice;
  /** The catalogue's default (no choice made yet). */
  isDefault: boolean;
}

/** The person's choice for every category, in the catalogue's order, as notify() applies it (effectivePreference): their own, or the catalogue's default. */
export async function getNotificationPreferences(db: Db, userId: string): Promise<CategoryPreference[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { category: true, inApp: true, email: true } });
  const chosen = new Map(rows.map((row) => [row.category, row]));
  return NOTIFICATION_CATEGORIES.map((category) => {
    const info = CATEGORY_INFO[category];
    const own = chosen.get(category);
    const { inApp, email } = effectivePreference(category, own ?? null);
    return { category, label: info.label, description: info.description, mandatory: info.mandatory, inApp, email, isDefault: !own };
  });
}
