import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";

/**
 * The session of an API request, decoded from its next-auth cookie as next-auth's own
 * `getServerSession` decodes it (next-auth 4.24: core/routes/session.js with the JWT strategy),
 * without what that call does besides, on every request, for nothing an API answer uses: it
 * derives the encryption key from the secret with HKDF on each decode, re-encrypts a fresh cookie
 * (a second HKDF, a UUID and an AES-GCM encryption) that a server component cannot send anyway,
 * and sets up next-auth's whole handler (options, CSRF token, providers) first.
 *
 * Here the key is derived once per secret, exactly as next-auth derives it (HKDF-SHA256 of the
 * secret, empty salt, "NextAuth.js Generated Encryption Key", 32 bytes), and the token is
 * decrypted and checked with the same `jwtDecrypt` and clock tolerance (15 s): an expired,
 * tampered or foreign cookie gives no session, as it does in next-auth, and the same `jwt` and
 * `session` callbacks build the session (without `expires`, which getServerSession leaves out
 * when called from a route or a server component, as the app calls it).
 */
export interface SessionCookieOptions {
  /** The cookie's name (next-auth's `cookies.sessionToken.name`); chunks are `<name>.0`, `<name>.1`… */
  cookieName: string;
  secret: string;
  callbacks: Pick<NonNullable<NextAuthOptions["callbacks"]>, "jwt" | "session">;
  /** Told, as next-auth tells its logger, when a cookie cannot be decoded. */
  onError?: (error: unknown) => void;
}

const keys = new Map<string, Uint8Array>();

/** next-auth's encryption key for `secret` (jwt/index.js, getDerivedEncryptionKey with salt ""), derived once. */
export function sessionEncryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/**
 * The session token from a Cookie header: the cookie named `name`, or its chunks joined in order
 * of their numeric suffix (next-auth's SessionStore takes every cookie whose name starts with the
 * session cookie's name). Values are URI-decoded as Next's cookie parser decodes them.
 */
export function sessionTokenFrom(cookieHeader: string | null, name: string): string {
  if (!cookieHeader) return "";
  const chunks: { suffix: number; value: string }[] = [];
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (!key.startsWith(name)) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent, as Next's parser does
    }
    chunks.push({ suffix: parseInt(key.split(".").pop() ?? "0") || 0, value });
  }
  return chunks
    .sort((a, b) => a.suffix - b.suffix)
    .map((chunk) => chunk.value)
    .join("");
}

/** The request's session, or null (no cookie, or one that does not decode: expired, tampered, another secret's). */
export async function sessionFromCookie(cookieHeader: string | null, options: SessionCookieOptions): Promise<Session | null> {
  const token = sessionTokenFrom(cookieHeader, options.cookieName);
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sessionEncryptionKey(options.secret), { clockTolerance: 15 });
    const claims = payload as JWTPayload & JWT;
    const jwt = options.callbacks.jwt ? await options.callbacks.jwt({ token: claims } as Parameters<NonNullable<SessionCookieOptions["callbacks"]["jwt"]>>[0]) : claims;
    const base = { user: { name: claims.name, email: claims.email, image: claims.picture }, expires: new Date(0).toISOString() } as unknown as Session;
    const session = options.callbacks.session
      ? await options.callbacks.session({ session: base, token: jwt } as Parameters<NonNullable<SessionCookieOptions["callbacks"]["session"]>>[0])
      : base;
    // getServerSession, called as the app calls it (from a route or a server component), gives
    // null for an empty answer and leaves `expires` out.
    if (!session || Object.keys(session).length === 0) return null;
    const { expires: _expires, ...rest } = session as Session;
    return rest as Session;
  } catch (error) {
    options.onError?.(error);
    return null;
  }
}
