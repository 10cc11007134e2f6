import { PASSWORD_LENGTH, TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";

/**
 * What a new password must be, in one place (sign-up and password change). Each refusal is a
 * sentence telling the person what to do. README, "Accounts and passwords".
 */
export { PASSWORD_LENGTH };

/** The length rule as zod (TEXT_RULES.newPassword, which the forms check too), so forms get it beside the field before the rest of the policy runs. */
export const NewPassword = z.string().min(TEXT_RULES.newPassword.min, TEXT_RULES.newPassword.missing).max(TEXT_RULES.newPassword.max, TEXT_RULES.newPassword.tooLong);

/** The password a person signs in with now (checked against the stored hash, not the policy). */
export const CurrentPassword = z.string().min(TEXT_RULES.currentPassword.min, TEXT_RULES.currentPassword.missing).max(TEXT_RULES.currentPassword.max, TEXT_RULES.currentPassword.tooLong);

export interface PasswordOwner {
  email: string;
  name: string;
}

// Rows of a keyboard and runs of digits and letters, twice over so that a run may wrap ("7890123456").
const RUNS = ["`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "0123456789", "abcdefghijklmnopqrstuvwxyz"].flatMap((run) => {
  const twice = run + run;
  return [twice, [...twice].reverse().join("")];
});

/** One character, or a block of them, repeated to the end ("aaaaaaaaaa", "abcabcabca", "passwordpassword"). */
function isRepeatedBlock(password: string): boolean {
  const chars = [...password];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.every((char, i) => char === chars[i % size])) return true;
  }
  return false;
}

const isRun = (password: string) => RUNS.some((run) => run.includes(password));

// The list is about 50,000 passwords: loaded on the server, once, when a password is first checked.
let commonPasswords: Promise<ReadonlySet<string>> | undefined;
const loadCommonPasswords = () =>
  (commonPasswords ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary["passwords-common"])));

const COMMON = "This password is on a list of common passwords that attackers try first. Choose another.";

/** Why `password` may not be used by `owner`, or null when it may. */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min) return `Use at least ${PASSWORD_LENGTH.min} characters for your password.`;
  if (length > PASSWORD_LENGTH.max) return `Passwords are at most ${PASSWORD_LENGTH.max} characters.`;
  if (password.trim() === "") return "A password of only spaces is easy to guess. Use words, letters or digits.";

  const lower = password.toLowerCase();
  const squeezed = lower.replace(/\s+/g, "");
  if (isRepeatedBlock(squeezed) || isRun(squeezed)) {
    return "This password is a repeated or sequential pattern (like aaaaaaaaaa, 1234567890 or qwertyuiop) that attackers try first. Choose another.";
  }

  const email = owner.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  if ((email && squeezed.includes(email)) || (localPart.length >= 4 && squeezed.includes(localPart))) {
    return "Your password contains your email address, which attackers try first. Choose one without it.";
  }
  const name = owner.name.toLowerCase().replace(/\s+/g, "");
  if (name.length >= 4 && squeezed.includes(name)) return "Your password contains your name, which attackers try first. Choose one without it.";

  const common = await loadCommonPasswords();
  if (common.has(lower) || common.has(squeezed)) return COMMON;
  // A listed password with digits or symbols added at the end ("basketball2024!") is guessed almost as early.
  const base = squeezed.replace(/[^\p{L}]+$/u, "");
  if (base !== squeezed && base.length >= 4 && common.has(base)) {
    return "This password is a common password with digits or symbols added, which attackers try early. Choose another.";
  }
  return null;
}
