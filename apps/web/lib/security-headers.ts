// The Content-Security-Policy and HSTS that proxy.ts sends with every page, and the static
// headers every answer carries (next.config.ts gives them to Next; scripts/api-fast-path.ts sets
// them on the API's answers, which it serves before Next's router).

/** Sent with every answer, pages and API alike. */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

export interface PolicyOptions {
  /** A fresh random value per request: Next puts it on its own scripts and styles. */
  nonce: string;
  /** `next dev`: React needs eval for its debug stacks, hot reload needs a websocket and injects styles. */
  development: boolean;
  /** Served behind HTTPS (NEXTAUTH_URL is https): ask the browser to upgrade any http subresource. */
  https: boolean;
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets those
 * scripts load the app's chunks); everything else comes from this origin.
 * Style attributes stay allowed (`style-src-attr`): React renders a few
 * (chart swatches, Next's error pages) and a nonce cannot cover attributes.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // A nonce makes browsers ignore 'unsafe-inline', and the dev server injects <style> tags without one.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Two years, subdomains included: only ever sent when the app is served over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The app's public URL is https (next-auth then also marks its cookies Secure). */
export const servedOverHttps = (publicUrl: string | undefined) => /^https:\/\//i.test(publicUrl ?? "");

/** 128 random bits, base64: a CSP nonce. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
