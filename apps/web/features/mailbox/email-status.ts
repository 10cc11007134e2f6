import { formatDateTime } from "@/lib/format";

/** An outbox row's state in words (never by colour alone). */
export function emailStatusText(email: { status: "PENDING" | "SENT" | "FAILED"; attempts: number; sentAt: Date | null }): string {
  if (email.status === "SENT") return email.sentAt ? `Sent ${formatDateTime(email.sentAt)}` : "Sent";
  if (email.status === "FAILED") return `Failed after ${email.attempts} attempt${email.attempts === 1 ? "" : "s"}`;
  return email.attempts === 0 ? "Waiting for the runner" : `Waiting to retry (${email.attempts} failed attempt${email.attempts === 1 ? "" : "s"})`;
}

/** What kind of email it is, in words. */
export const EMAIL_KIND_LABEL: Record<string, string> = {
  notification: "Notification",
  digest: "Daily digest",
  verify_email: "Confirm email",
  reset_password: "Password reset",
  email_changed: "Email changed",
  password_changed: "Password changed",
};

export const emailKindLabel = (kind: string) => EMAIL_KIND_LABEL[kind] ?? kind.replace(/_/g, " ");
