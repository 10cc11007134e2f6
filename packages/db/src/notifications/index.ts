export { notify, NOTIFICATION_CHANNEL, type NotifyEvent } from "./notify";
export { queueEmail, type QueuedEmail } from "../email/queue";
export { renderEmail, escapeHtml, type EmailContent, type RenderedEmail } from "../email/layout";
export { appUrl } from "../email/app-url";
