import type { EmailFrequencyChoice, NotificationCategory } from "@fairlance/rules";
import type { Parsed } from "@/features/shared/form";
import { problemsOf } from "@/features/shared/form";

export type EmailChoice = EmailFrequencyChoice;

export interface PreferenceRow {
  category: NotificationCategory;
  label: string;
  description: string;
  mandatory: boolean;
  inApp: boolean;
  email: EmailChoice;
}

export interface PreferenceValues {
  rows: { category: NotificationCategory; inApp: boolean; email: string }[];
}

export const EMAIL_CHOICES: readonly { value: EmailChoice; label: string }[] = [
  { value: "IMMEDIATE", label: "Right away" },
  { value: "DAILY_DIGEST", label: "Daily digest" },
  { value: "OFF", label: "Off" },
];

/** The service's sentence (mandatoryEmailSentence in @fairlance/db's update-preferences.ts), said before sending. */
export const mandatoryEmailProblem = (label: string) =>
  `${label} emails cannot be turned off: they are how we reach you about your sign-in, your password and your account. Choose "Right away" or "Daily digest".`;

export const valuesOf = (rows: readonly PreferenceRow[]): PreferenceValues => ({ rows: rows.map(({ category, inApp, email }) => ({ category, inApp, email })) });

/** The form's values as `preference.update` takes them, or the problem of each row that is wrong. */
export const parsePreferences =
  (rows: readonly PreferenceRow[]) =>
  (values: PreferenceValues): Parsed<PreferenceValues, { categories: { category: NotificationCategory; inApp: boolean; email: EmailChoice }[] }> => {
    const check = problemsOf<PreferenceValues>();
    values.rows.forEach((row, index) => {
      const shown = rows.find((r) => r.category === row.category);
      if (!EMAIL_CHOICES.some((choice) => choice.value === row.email)) check.add(`rows.${index}.email`, "Choose how to get these by email.");
      else if (shown?.mandatory && row.email === "OFF") check.add(`rows.${index}.email`, mandatoryEmailProblem(shown.label));
    });
    return check.done(() => ({ categories: values.rows.map((row) => ({ category: row.category, inApp: Boolean(row.inApp), email: row.email as EmailChoice })) }));
  };
