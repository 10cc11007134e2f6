const originOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The origins this app is served from: the configured public URL (NEXTAUTH_URL) when there is
 * one, else the host the request was sent to; and, only behind trusted proxies
 * (FAIRLANCE_TRUST_PROXY), the host and scheme the proxy says the browser used. A client's own
 * X-Forwarded-Host is never believed: it would let any page name itself as this site.
 */
function ownOrigins(req: Request, publicUrl: string | null | undefined, proxyHops: number): Set<string> {
  const own = new Set<string>();
  const configured = originOf(publicUrl);
  own.add(configured ?? originOf(req.url)!);
  if (proxyHops > 0) {
    // Each proxy appends; the one nearest the browser wrote the first entry we trust.
    const forwarded = (name: string) => {
      const entries = (req.headers.get(name) ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
      return entries[Math.max(0, entries.length - proxyHops)];
    };
    const host = forwarded("x-forwarded-host");
    const proto = forwarded("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    const origin = host && (proto === "http" || proto === "https") ? originOf(`${proto}://${host}`) : null;
    if (origin) own.add(origin);
  }
  return own;
}

/**
 * A browser's POST from another site is refused (CSRF), besides SameSite cookies: by
 * Sec-Fetch-Site when the browser sends it, else by an Origin that is not one of this site's.
 * A request without Origin (curl, the bench, server-side calls) is not a browser's cross-site
 * form or fetch, which always carries Origin on POST.
 */
export function crossSiteProblem(req: Request, publicUrl: string | null | undefined, proxyHops: number): string | null {
  const refused = "Cross-site requests are refused";
  if (req.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return `${refused}.`;
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const own = ownOrigins(req, publicUrl, proxyHops);
  if (own.has(originOf(origin) ?? "")) return null;
  const home = originOf(publicUrl);
  return home ? `${refused}: this marketplace is served at ${home}; use it from there.` : `${refused}.`;
}
