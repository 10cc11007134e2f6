import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, Card } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { emailKindLabel, emailStatusText } from "./email-status";
import { MailboxBanner } from "./mailbox-banner";

export interface ShownEmail {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  lastError: string | null;
}

/**
 * The email's HTML for a sandboxed frame: links open in the page itself (`<base target="_top">`,
 * allowed only on a click by the frame's sandbox), so that following the email's link works as
 * it would from a mail client. No script runs in the frame (the sandbox allows none).
 */
export function framedEmail(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

/** The plain-text part with its web addresses as links. */
export function linkedText(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function MailboxEmail({ result }: { result: { ok: true; data: ShownEmail } | { ok: false; message: string } }) {
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/mailbox" className="text-brand-700 underline">
          ← Demo mailbox
        </Link>
      </p>
      <MailboxBanner />
      {!result.ok ? (
        <>
          <h1 className="text-2xl font-bold">Email</h1>
          <Alert>{result.message}</Alert>
        </>
      ) : (
        <EmailView email={result.data} />
      )}
    </div>
  );
}

function EmailView({ email }: { email: ShownEmail }) {
  return (
    <>
      <h1 className="break-words text-2xl font-bold">{email.subject}</h1>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="font-medium text-slate-600">To</dt>
        <dd className="break-all">{email.toAddress}</dd>
        <dt className="font-medium text-slate-600">Written</dt>
        <dd>{formatDateTime(email.createdAt)}</dd>
        <dt className="font-medium text-slate-600">Kind</dt>
        <dd>{emailKindLabel(email.kind)}</dd>
        <dt className="font-medium text-slate-600">Status</dt>
        <dd>
          {emailStatusText(email)}
          {email.lastError && <span className="block text-xs text-red-800">Last error: {email.lastError}</span>}
        </dd>
        {email.unsubscribeUrl && (
          <>
            <dt className="font-medium text-slate-600">Unsubscribe</dt>
            <dd>
              <a href={email.unsubscribeUrl} className="break-all text-brand-700 underline">
                {email.unsubscribeUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="As HTML" className="min-w-0">
          <iframe
            title={`The email “${email.subject}” as HTML`}
            sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
            srcDoc={framedEmail(email.html)}
            className="h-[36rem] w-full rounded border border-slate-200 bg-white"
          />
        </Card>
        <Card title="As plain text" className="min-w-0">
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800" data-testid="email-text">
            {linkedText(email.text)}
          </pre>
        </Card>
      </div>
    </>
  );
}
