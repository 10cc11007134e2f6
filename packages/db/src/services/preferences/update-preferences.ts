import { CATEGORY_INFO, EMAIL_FREQUENCIES, NOTIFICATION_CATEGORIES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { getNotificationPreferences, type CategoryPreference } from "../../read/notification-preferences";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";

/** The sentence for a mandatory category whose email someone tries to turn off. */
export const mandatoryEmailSentence = (label: string) =>
  `${label} emails cannot be turned off: they are how we reach you about your sign-in, your password and your account. Choose "Right away" or "Daily digest".`;

/** One category's choice: shown in the app or not, and by email right away, in a daily digest, or not. */
export const CategoryChoice = z.strictObject({
  category: z.enum(NOTIFICATION_CATEGORIES, "Choose a category of notifications."),
  inApp: z.boolean("Say whether to show these notifications in the app (true or false)."),
  email: z.enum(EMAIL_FREQUENCIES, 'Choose how to get these by email: "IMMEDIATE", "DAILY_DIGEST" or "OFF".'),
});

/** What the person sets on the Account page: the categories they change (each at most once). */
export const UpdatePreferencesInput = z.strictObject({
  categories: z
    .array(CategoryChoice, "Send the categories as a list.")
    .min(1, "Choose at least one category.")
    .max(NOTIFICATION_CATEGORIES.length, `There are only ${NOTIFICATION_CATEGORIES.length} categories.`)
    .superRefine((choices, context) => {
      const seen = new Set<string>();
      choices.forEach((choice, index) => {
        if (seen.has(choice.category)) context.addIssue({ code: "custom", path: [index, "category"], message: "Each category may be sent once." });
        seen.add(choice.category);
        const info = CATEGORY_INFO[choice.category];
        if (info.mandatory && choice.email === "OFF") context.addIssue({ code: "custom", path: [index, "email"], message: mandatoryEmailSentence(info.label) });
      });
    }),
});
export type UpdatePreferencesInput = z.input<typeof UpdatePreferencesInput>;

/**
 * The person's notification choices, per category (README, "Email"): in the app on or off, and
 * email right away, in a daily digest, or off (never off for a mandatory category). Setting a
 * value twice changes nothing, so no idempotency key is needed. Returns every category as the page
 * shows it.
 */
export async function updatePreferences(prisma: PrismaClient, input: UpdatePreferencesInput & ActorCall): Promise<CategoryPreference[]> {
  const data = parseCall(UpdatePreferencesInput, input);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER", "ADMIN"], "choose your notifications");
  return runTransaction(prisma, async (tx) => {
    for (const choice of data.categories) {
      await tx.notificationPreference.upsert({
        where: { userId_category: { userId: data.actorId, category: choice.category } },
        create: { userId: data.actorId, category: choice.category, inApp: choice.inApp, email: choice.email, updatedAt: data.now },
        update: { inApp: choice.inApp, email: choice.email, updatedAt: data.now },
      });
    }
    return getNotificationPreferences(tx, data.actorId);
  });
}
