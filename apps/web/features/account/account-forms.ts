import { TEXT_RULES } from "@fairlance/rules";
import { problemsOf, readEmail, readText, type ServerFields } from "@/features/shared/form";

/** The Account page's forms: what each reads, with the rules' own limits and sentences. */

export interface NameValues {
  name: string;
}

export function parseName(values: NameValues) {
  const check = problemsOf<NameValues>();
  const name = check.take("name", readText(values.name, TEXT_RULES.personName));
  return check.done(() => ({ name: name! }));
}

export const NAME_SERVER_FIELDS: ServerFields<NameValues> = { fields: { name: "name" } };

export interface EmailValues {
  newEmail: string;
  currentPassword: string;
}

export function parseEmailChange(values: EmailValues) {
  const check = problemsOf<EmailValues>();
  const newEmail = check.take("newEmail", readEmail(values.newEmail));
  const currentPassword = check.take("currentPassword", readText(values.currentPassword, TEXT_RULES.currentPassword));
  return check.done(() => ({ newEmail: newEmail!, currentPassword: currentPassword! }));
}

export const EMAIL_SERVER_FIELDS: ServerFields<EmailValues> = {
  fields: { newEmail: "newEmail", currentPassword: "currentPassword" },
  codes: { INVALID_CREDENTIALS: "currentPassword", EMAIL_TAKEN: "newEmail" },
};

export interface NewPasswordValues {
  password: string;
  repeatPassword: string;
}

/** A new password typed twice (reset page): the sign-up rules' length here, the rest on the server. */
export function parseNewPassword(values: NewPasswordValues) {
  const check = problemsOf<NewPasswordValues>();
  const password = check.take("password", readText(values.password, TEXT_RULES.newPassword));
  if (values.repeatPassword !== values.password) check.add("repeatPassword", "The two passwords are not the same. Type the new one again.");
  return check.done(() => ({ password: password! }));
}

export const NEW_PASSWORD_SERVER_FIELDS: ServerFields<NewPasswordValues> = { fields: { password: "password" }, codes: { WEAK_PASSWORD: "password" } };

export interface ForgotValues {
  email: string;
}

export function parseForgot(values: ForgotValues) {
  const check = problemsOf<ForgotValues>();
  const email = check.take("email", readEmail(values.email));
  return check.done(() => ({ email: email! }));
}

export const FORGOT_SERVER_FIELDS: ServerFields<ForgotValues> = { fields: { email: "email" } };
