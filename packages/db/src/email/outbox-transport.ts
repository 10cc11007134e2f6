import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer from "nodemailer";
import { dataRoot } from "../paths";
import { mailOptions, messageIdOf, type EmailTransport, type OutgoingEmail, type SentEmail } from "./transport";

/** The local outbox: `<data root>/outbox` (FAIRLANCE_DATA_DIR, else `.data`). */
export const localOutboxRoot = () => join(dataRoot(), "outbox");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The embedded default, with no mail server: each email becomes a real RFC 5322 message (what an
 * SMTP server would receive) in `<root>/<outbox id>.eml`. The file is written whole to a temporary
 * file (a leading dot, which no id has), flushed, then renamed over the name: a reader never sees
 * half an email, and writing the same email again (a runner killed after writing and before
 * recording it) replaces the file rather than adding a second one. Exactly one file per email.
 */
export class OutboxTransport implements EmailTransport {
  readonly kind = "outbox" as const;
  readonly root: string;
  private readonly mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

  constructor(
    root: string = localOutboxRoot(),
    private readonly from: string,
  ) {
    this.root = resolve(root);
  }

  /** Where the email with this outbox id is (or will be) kept. */
  pathOf(id: string): string {
    if (!UUID.test(id)) throw new Error(`"${id}" is not an outbox id.`);
    return join(this.root, `${id}.eml`);
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const path = this.pathOf(email.id);
    const built = await this.mailer.sendMail(mailOptions(email, this.from));
    const message = built.message as Buffer;
    const temporary = join(this.root, `.${email.id}.${randomUUID()}.tmp`);
    await mkdir(this.root, { recursive: true });
    try {
      const file = await open(temporary, "wx", 0o644);
      try {
        await file.writeFile(message);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    return { messageId: messageIdOf(email.id, this.from) };
  }

  /** The ids of the emails in the outbox (tests, and a person looking at the folder). */
  async ids(): Promise<string[]> {
    const names = await readdir(this.root).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : Promise.reject(error)));
    return names.filter((name) => name.endsWith(".eml")).map((name) => name.slice(0, -".eml".length));
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}
