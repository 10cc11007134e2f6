import { Alert } from "@/components/ui";

/** Said at the top of every mailbox page: what this page is, and that it is not for real deployments. */
export function MailboxBanner() {
  return (
    <Alert tone="warning">
      <strong>Demo mailbox.</strong> This server sends no email: every email it writes, to anyone, password reset links included, is kept
      in its outbox (<code>.data/outbox</code>) and shown here to anyone who opens this page. A real deployment sets <code>SMTP_URL</code>{" "}
      and has no mailbox.
    </Alert>
  );
}
