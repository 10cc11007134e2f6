import { describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth/next";
import { encode, type JWT } from "next-auth/jwt";
import { authOptions } from "./auth";
import { sessionEncryptionKey, sessionFromCookie, sessionTokenFrom } from "./session-cookie";

const SECRET = "k3Q9vXb2LmN7pR4tW8yZ1cF6hJ0sD5gA-test-secret";
const NAME = authOptions.cookies!.sessionToken!.name;
const claims: JWT = { id: "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", role: "FREELANCER", sid: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", sessionVersion: 3, name: "Fran", email: "fran@example.com" };

const options = (secret = SECRET) => ({ cookieName: NAME, secret, callbacks: authOptions.callbacks!, onError: vi.fn() });

/**
 * What next-auth's getServerSession answers for these cookies (its request/response form, which
 * runs the same session route as the app's call from a route; that form leaves `expires` out).
 */
async function nextAuthSession(cookies: Record<string, string>, secret = SECRET) {
  const res = { getHeader: () => undefined, setHeader: () => undefined };
  const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined };
  const session = await getServerSession({ headers: {}, cookies } as never, res as never, { ...authOptions, secret, logger: quiet });
  if (!session) return null;
  const { expires, ...rest } = session;
  expect(Math.abs(Date.parse(expires) - (Date.now() + authOptions.session!.maxAge! * 1000))).toBeLessThan(5_000);
  return rest;
}

const header = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("; ");

/** Both decoders' answers. */
async function both(cookies: Record<string, string>, secret = SECRET) {
  const [ours, theirs] = await Promise.all([sessionFromCookie(header(cookies), options(secret)), nextAuthSession(cookies, secret)]);
  return { ours, theirs };
}

describe("the API's session decoding", () => {
  it("gives exactly next-auth's session for a valid cookie", async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
    const { ours, theirs } = await both({ [NAME]: token, other: "x" });
    expect(theirs).not.toBeNull();
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({ user: { id: claims.id, email: claims.email, name: claims.name, role: "FREELANCER", sessionVersion: 3, sessionId: claims.sid } });
  });

  it("joins a chunked cookie in order, as next-auth's session store does", async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
    const third = Math.ceil(token.length / 3);
    const cookies = { [`${NAME}.2`]: token.slice(2 * third), [`${NAME}.0`]: token.slice(0, third), [`${NAME}.1`]: token.slice(third, 2 * third) };
    expect(sessionTokenFrom(header(cookies), NAME)).toBe(token);
    const { ours, theirs } = await both(cookies);
    expect(theirs).not.toBeNull();
    expect(ours).toEqual(theirs);
  });

  it("refuses, as next-auth does, an expired cookie, one sealed with another secret, a tampered one and none", async () => {
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -60 });
    const foreign = await encode({ token: claims, secret: `${SECRET}-other`, maxAge: 3600 });
    const valid = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
    const tampered = `${valid.slice(0, -6)}${valid.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    for (const cookies of [{ [NAME]: expired }, { [NAME]: foreign }, { [NAME]: tampered }, { [NAME]: "not-a-token" }, {}]) {
      const { ours, theirs } = await both(cookies);
      expect(theirs).toBeNull();
      expect(ours).toBeNull();
    }
    const onError = vi.fn();
    expect(await sessionFromCookie(header({ [NAME]: tampered }), { ...options(), onError })).toBeNull();
    expect(onError).toHaveBeenCalledOnce();
    expect(await sessionFromCookie(null, options())).toBeNull();
  });

  it("derives the key once per secret", () => {
    expect(sessionEncryptionKey(SECRET)).toBe(sessionEncryptionKey(SECRET));
    expect(sessionEncryptionKey(SECRET)).not.toEqual(sessionEncryptionKey(`${SECRET}-other`));
    expect(sessionEncryptionKey(SECRET)).toHaveLength(32);
  });
});
