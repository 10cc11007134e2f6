import Link from "next/link";
import { Alert, Button, EmptyState } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { emailKindLabel, emailStatusText } from "./email-status";
import { MailboxBanner } from "./mailbox-banner";

interface Entry {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

type Result = { ok: true; data: { emails: Entry[]; total: number; page: number; pageSize: number } } | { ok: false; message: string };

const pageHref = (to: string, page: number) => {
  const query = new URLSearchParams();
  if (to) query.set("to", to);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/mailbox?${text}` : "/mailbox";
};

/**
 * The demo mailbox's list, drawn on the server (no JavaScript): the search is a plain GET form and
 * the pages are links, so it works as it loads.
 */
export function MailboxList({ to, result }: { to: string; result: Result }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Demo mailbox</h1>
        <p className="mt-1 text-sm text-slate-600">Every email this server wrote, newest first.</p>
      </div>
      <MailboxBanner />
      <form method="get" action="/mailbox" role="search" aria-label="Emails" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="mailbox-to" className="block text-sm font-medium text-slate-800">
            Recipient
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="search"
            defaultValue={to}
            maxLength={254}
            placeholder="fran@fairlance.test"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <Button type="submit">Search</Button>
        {to && (
          <Link href="/mailbox" className="px-2 py-2 text-sm text-brand-700 underline">
            Show every email
          </Link>
        )}
      </form>
      {!result.ok ? (
        <Alert>{result.message}</Alert>
      ) : result.data.emails.length === 0 ? (
        <EmptyState title={to ? `No email to an address containing “${to}”.` : "No email yet."}>
          Emails appear here as soon as something happens that tells someone: an offer, a funded milestone, a password reset…
        </EmptyState>
      ) : (
        <MailboxEntries to={to} {...result.data} />
      )}
    </div>
  );
}

function MailboxEntries({ to, emails, total, page, pageSize }: { to: string; emails: Entry[]; total: number; page: number; pageSize: number }) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  return (
    <section aria-labelledby="mailbox-count" className="space-y-3">
      <h2 id="mailbox-count" className="text-sm font-medium text-slate-700">
        {total === 1 ? "1 email" : `${total} emails`}
        {total > pageSize ? `, ${first}–${first + emails.length - 1} shown` : ""}
      </h2>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {emails.map((email) => (
          <li key={email.id} className="p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <Link href={`/mailbox/${email.id}`} className="min-w-0 break-words font-medium text-brand-700 underline">
                {email.subject}
              </Link>
              <span className="text-xs text-slate-500">{formatDateTime(email.createdAt)}</span>
            </div>
            <p className="mt-1 break-all text-sm text-slate-700">To {email.toAddress}</p>
            <p className="mt-1 text-xs text-slate-600">
              {emailKindLabel(email.kind)} · {emailStatusText(email)}
            </p>
          </li>
        ))}
      </ul>
      {last > 1 && (
        <nav aria-label="Pages of emails" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={pageHref(to, page - 1)} className="text-brand-700 underline">Newer emails</Link> : <span />}
          <span className="text-slate-600">
            Page {page} of {last}
          </span>
          {page < last ? <Link href={pageHref(to, page + 1)} className="text-brand-700 underline">Older emails</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
