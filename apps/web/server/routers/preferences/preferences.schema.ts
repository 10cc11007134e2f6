import { z } from "zod";
import { EMAIL_FREQUENCIES, NOTIFICATION_CATEGORIES } from "@fairlance/rules";
import { UnsubscribeToken } from "@fairlance/db/services";

const ZEmailFrequency = z.enum(EMAIL_FREQUENCIES);

/** Every category of notifications with the person's choice in force (the Account page's section). */
export const ZPreferences = z.array(
  z.object({
    category: z.enum(NOTIFICATION_CATEGORIES),
    label: z.string(),
    description: z.string(),
    mandatory: z.boolean(),
    inApp: z.boolean(),
    email: ZEmailFrequency,
    isDefault: z.boolean(),
  }),
);

/** What an unsubscribe link turns off (the /unsubscribe page). */
export const ZUnsubscribeView = z.object({
  maskedEmail: z.string(),
  categories: z.array(z.object({ category: z.string(), label: z.string(), mandatory: z.boolean(), emailOff: z.boolean() })),
  done: z.boolean(),
});

export const ZUnsubscribeInfoInput = z.strictObject({ token: UnsubscribeToken });
