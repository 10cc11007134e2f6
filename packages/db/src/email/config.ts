import { dbEnv } from "../env";
import type { EmailTransport } from "./transport";

let configured: Promise<EmailTransport> | undefined;

/**
 * The transport the configuration names: SMTP when SMTP_URL is set, otherwise the local outbox
 * `<data root>/outbox` (README, "Email"). Made once per process. The adapters (and nodemailer) are
 * loaded here, on first use, so that the web server, which only writes outbox rows, never loads them.
 */
export function emailTransport(): Promise<EmailTransport> {
  configured ??= (async () => {
    const url = dbEnv.SMTP_URL;
    if (url) {
      const { SmtpTransport } = await import("./smtp-transport");
      return new SmtpTransport(url, dbEnv.EMAIL_FROM);
    }
    const { OutboxTransport } = await import("./outbox-transport");
    return new OutboxTransport(undefined, dbEnv.EMAIL_FROM);
  })();
  return configured;
}

/** Tests: forget the transport made from the configuration, or use `transport` instead of it. */
export function setEmailTransportForTests(transport: EmailTransport | undefined) {
  configured = transport ? Promise.resolve(transport) : undefined;
}
