import nodemailer from "nodemailer";
import { mailOptions, messageIdOf, type EmailTransport, type OutgoingEmail, type SentEmail } from "./transport";

/**
 * A mail server (SMTP_URL: `smtp://user:pass@host:587` with STARTTLS when the server offers it,
 * `smtps://…:465` for TLS from the start). The server must accept the message for `send` to
 * resolve; a refusal or a timeout throws and the runner tries again later. Timeouts are short:
 * the runner holds the outbox row's lock while it sends.
 */
export class SmtpTransport implements EmailTransport {
  readonly kind = "smtp" as const;
  private readonly mailer: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.mailer = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as Parameters<typeof nodemailer.createTransport>[0]);
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
