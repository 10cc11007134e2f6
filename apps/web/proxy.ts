import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/page-path";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { env } from "./env";

/**
 * A Content-Security-Policy with a fresh nonce for every page. Next reads the
 * nonce from the request's policy header and puts it on its scripts, which is
 * why every page renders per request (the root layout reads the session).
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  // Route groups' layouts are not told the URL; they read it here to send a signed-out visitor back after signing in.
  requestHeaders.set(PAGE_PATH_HEADER, request.nextUrl.pathname);
  // An email's unsubscribe link: GET is the page that asks to confirm, POST (its button, or a mail
  // client's RFC 8058 one-click) the route that turns the emails off (app/api/unsubscribe/route.ts).
  if (request.method === "POST" && request.nextUrl.pathname === "/unsubscribe") {
    return NextResponse.rewrite(new URL(`/api/unsubscribe${request.nextUrl.search}`, request.url));
  }
  if (isPrefetch(request)) return NextResponse.next({ request: { headers: requestHeaders } });

  const https = servedOverHttps(env.NEXTAUTH_URL);
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: env.NODE_ENV === "development", https });

  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** A link prefetch: it needs the page's path, not a policy (it runs no script). */
function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

export const config = {
  // Pages only (prefetches included): not the APIs, build assets or stored files (/files/ sends its own policy, server/files.ts).
  matcher: ["/((?!api|files/|_next/static|_next/image|favicon.ico).*)"],
};
