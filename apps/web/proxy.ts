import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";

/**
 * A Content-Security-Policy with a fresh nonce for every page. Next reads the
 * nonce from the request's policy header and puts it on its scripts, which is
 * why every page renders per request (the root layout reads the session).
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(process.env.NEXTAUTH_URL);
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the APIs, build assets or link prefetches.
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
