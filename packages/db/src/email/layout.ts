/**
 * The one layout of every email the marketplace sends: a heading, paragraphs, at most one action
 * (a button in HTML, the bare link in text) and a footer. Both parts say the same thing; the HTML
 * escapes every value and works without images or external styles.
 */
export interface EmailContent {
  /** The line mail clients show after the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print: why the person gets this email, how to stop it. */
  footer?: string[];
}

export interface RenderedEmail {
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Only absolute http(s) links go into an email's button. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`An email links only to http(s), not ${parsed.protocol}`);
  return parsed.toString();
}

/** A footer line in HTML: escaped, its web addresses (an unsubscribe link, the settings page) as links. */
function linked(line: string): string {
  return line
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(safeUrl(part))}" style="color:#6b7280;word-break:break-all">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join("");
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const action = content.action ? { label: content.action.label, url: safeUrl(content.action.url) } : undefined;
  const footer = content.footer ?? [];
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    ...(footer.length ? ["--", ...footer] : []),
  ].join("\n").trimEnd() + "\n";
  const paragraph = (line: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;padding:32px">
<tr><td>
<p style="margin:0 0 24px;font-size:14px;font-weight:700;color:#047857">Fairlance</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:#111827">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map(paragraph).join("\n")}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#047857;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#4b5563">Or open this link: <a href="${escapeHtml(action.url)}" style="color:#047857;word-break:break-all">${escapeHtml(action.url)}</a></p>` : ""}
${footer.length ? `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">\n${footer.map((line) => `<p style="margin:0 0 8px;font-size:12px;line-height:18px;color:#6b7280">${linked(line)}</p>`).join("\n")}` : ""}
</td></tr></table>
</td></tr></table>
</body></html>
`;
  return { text, html };
}
