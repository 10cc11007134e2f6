import type { VerificationAction } from "@fairlance/rules";
import { Alert } from "@/components/ui";
import { Providers } from "@/app/providers";
import { readQuery, trpc } from "@/trpc/server";
import { ResendConfirmation } from "./resend-confirmation";

interface UnconfirmedEmail {
  maskedEmail: string;
  waiting: { action: VerificationAction; words: string }[];
}

/**
 * Said before the person tries (economy.md §13): their email is not confirmed, and `action` (or,
 * without one, everything the settings list) waits for it. Drawn on the server; only its "Send
 * the link again" button is a client island. Nothing when the email is confirmed or nothing waits.
 */
export async function ConfirmEmailNotice({ action, withProviders = false }: { action?: VerificationAction; withProviders?: boolean }) {
  const read = await readQuery(trpc.me.notices.queryOptions());
  const unconfirmed: UnconfirmedEmail | null = read.ok ? read.data.unconfirmedEmail : null;
  if (!unconfirmed) return null;
  const waiting = unconfirmed.waiting.filter((item) => !action || item.action === action);
  if (action && waiting.length === 0) return null;
  const what = waiting.map((item) => item.words);
  const list = what.length <= 1 ? (what[0] ?? "") : `${what.slice(0, -1).join(", ")} and ${what.at(-1)}`;
  const button = <ResendConfirmation />;
  return (
    <section aria-label="Confirm your email" className="mb-6" data-testid="confirm-email-notice">
      <Alert tone="warning">
        <strong className="font-semibold">Confirm your email. </strong>
        We sent a link to {unconfirmed.maskedEmail}; follow it{list ? ` before you ${list}` : ""}. If it expired or you cannot find it, send it again.
        {withProviders ? <Providers>{button}</Providers> : button}
      </Alert>
    </section>
  );
}
