import { dbEnv } from "../env";

/**
 * Whether this server shows the demo mailbox (/mailbox): only when emails stay in the local outbox
 * (no SMTP_URL) and the deployment is not production. It shows every email of the server to
 * anyone, reset links included: a demo's convenience that a real deployment must never have.
 */
export function mailboxEnabled(): boolean {
  return !dbEnv.SMTP_URL && dbEnv.FAIRLANCE_DEPLOYMENT !== "production";
}
