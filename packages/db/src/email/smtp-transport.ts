import nodemailer from "nodemailer";
import { mailOptions, messageIdOf, type EmailTransport, type OutgoingEmail, type SentEmail } from "./transport";

/** nodemailer's SMTP transport for the URL, with timeouts short enough for a runner holding a row lock. */
const createSmtpMailer = (url: string) => nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });

/**
 * A mail server (SMTP_URL: `smtp://user:pass@host:587` with STARTTLS when the server offers it,
 * `smtps://…:465` for TLS from the start). The server must accept the message for `send` to
 * resolve; a refusal or a timeout throws and the runner tries again later. Timeouts are short:
 * the runner holds the outbox row's lock while it sends.
 */
export class SmtpTransport implements EmailTransport {
  readonly kind = "smtp" as const;
  private readonly mailer: ReturnType<typeof createSmtpMailer>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.mailer = createSmtpMailer(url);
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const info = await this.mailer.sendMail(mailOptions(email, this.from));
    if (info.rejected.length > 0) throw new Error(`The mail server refused ${email.to}.`);
    return { messageId: messageIdOf(email.id, this.from) };
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}
