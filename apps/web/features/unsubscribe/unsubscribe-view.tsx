import Link from "next/link";
import { Alert, Button, Card } from "@/components/ui";

interface View {
  maskedEmail: string;
  categories: { category: string; label: string; mandatory: boolean; emailOff: boolean }[];
  done: boolean;
}

const listOf = (labels: string[]) => (labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`);

/**
 * What an email's unsubscribe link does, drawn on the server (no JavaScript): following the link
 * changes nothing; the button posts to /unsubscribe (app/api/unsubscribe/route.ts), which turns
 * the emails off and comes back here.
 */
export function UnsubscribeView({ token, result }: { token: string; result: { ok: true; data: View } | { ok: false; message: string } }) {
  if (!result.ok) {
    return (
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Unsubscribe</h1>
        <Alert>{result.message}</Alert>
        <p className="text-sm">
          <Link href="/account#notifications" className="text-brand-700 underline">
            Choose your emails in Account
          </Link>
        </p>
      </Card>
    );
  }
  const { maskedEmail, categories, done } = result.data;
  const stoppable = categories.filter((c) => !c.mandatory).map((c) => c.label);
  const kept = categories.filter((c) => c.mandatory).map((c) => c.label);
  return (
    <Card className="space-y-4">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      {done ? (
        <Alert tone="success">
          {stoppable.length > 0 ? `Emails about ${listOf(stoppable)} are off for ${maskedEmail}.` : `Nothing to turn off for ${maskedEmail}.`} Notifications in
          the app stay as they were.
        </Alert>
      ) : (
        <>
          <p>
            Stop emails about <strong>{listOf(stoppable)}</strong> to {maskedEmail}? Notifications in the app stay as they are.
          </p>
          <form method="post" action={`/unsubscribe?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="confirm" value="yes" />
            <Button type="submit">Stop these emails</Button>
          </form>
        </>
      )}
      {kept.length > 0 && (
        <p className="text-sm text-slate-600">{listOf(kept)} emails cannot be turned off: they are how we reach you about your sign-in, your password and your account.</p>
      )}
      <p className="text-sm">
        <Link href="/account#notifications" className="text-brand-700 underline">
          Choose every kind of email in Account
        </Link>{" "}
        (sign in first).
      </p>
    </Card>
  );
}
