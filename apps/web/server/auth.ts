import "server-only";
import { cache } from "react";
import { getServerSession, type NextAuthOptions, type Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { currentTime, isDomainError, textProblem, type Role } from "@fairlance/db";
import { dbEnv } from "@fairlance/db/env";
import { endSignedOutSession, revokeSessions, startSession, verifyCredentials } from "@fairlance/db/services";
import { servedOverHttps } from "@/lib/security-headers";
import { clientAddress, trustedProxyHops } from "./client-address";
import { getPrisma } from "./db";
import { sessionFromCookie } from "./session-cookie";
import { sessionUser } from "./session-user";
import { env } from "./env";

declare module "next-auth" {
  interface Session {
    /**
     * sessionVersion: the person's session version when this session began; sessionId: its
     * UserSession row (absent in cookies from before session rows). See session-user.ts.
     */
    user: { id: string; email: string; name: string; role: Role; sessionVersion?: number; sessionId?: string };
  }
  interface User {
    role: Role;
    sid?: string;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    sessionVersion?: number;
    /** The UserSession row of this browser: signing out ends it, and an ended row refuses the cookie. */
    sid?: string;
  }
}

// Behind HTTPS the session cookie is Secure with the __Secure- prefix (next-auth's
// own default too, spelled out so that nobody loosens it by accident). SameSite=Lax:
// no cross-site POST (a forged tRPC mutation) carries it, while links from other
// sites still arrive signed in.
const secureCookies = servedOverHttps(env.NEXTAUTH_URL);

/** next-auth's messages without their metadata: request bodies and tokens stay out of the logs. */
const logger: NextAuthOptions["logger"] = {
  error(code, metadata) {
    const message = metadata instanceof Error ? metadata.message : (metadata as { message?: unknown } | undefined)?.message;
    console.error(`[next-auth][error][${code}]${typeof message === "string" ? ` ${message}` : ""}`);
  },
  warn(code) {
    console.warn(`[next-auth][warn][${code}]`);
  },
  debug() {},
};

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: {
      name: `${secureCookies ? "__Secure-" : ""}next-auth.session-token`,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  debug: false,
  logger,
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) throw new Error("Enter your email and password.");
        // The same rule for text as the API's edge: what no person types is refused before anything reads it.
        if (typeof credentials.email !== "string" || typeof credentials.password !== "string" || credentials.email.length > 254 || credentials.password.length > 200) {
          throw new Error("Wrong email or password.");
        }
        if (textProblem(credentials.email) || textProblem(credentials.password)) {
          throw new Error("Your email or password contains a control or invisible formatting character. Type them again.");
        }
        try {
          const ip = clientAddress(req?.headers?.["x-forwarded-for"], trustedProxyHops());
          const user = await verifyCredentials(getPrisma(), { email: credentials.email, password: credentials.password, ip, now: new Date() });
          // One row per signed-in browser, listed on the Account page (its time is the marketplace's, like the page's).
          const userAgent = req?.headers?.["user-agent"];
          const session = await startSession(getPrisma(), { userId: user.id, userAgent: typeof userAgent === "string" ? userAgent : "", ip, now: await currentTime(getPrisma()) });
          return { id: user.id, email: user.email, name: user.name, role: user.role, sid: session.sessionId, sessionVersion: session.sessionVersion };
        } catch (error) {
          // next-auth hands this message to the sign-in form.
          if (isDomainError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        // The session names its row (ending the row ends it) and remembers the person's session version.
        token.sid = user.sid;
        token.sessionVersion = user.sessionVersion ?? (await getPrisma().user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.id, email: token.email ?? "", name: token.name ?? "", role: token.role, sessionVersion: token.sessionVersion ?? 0, ...(token.sid ? { sessionId: token.sid } : {}) };
      return session;
    },
  },
  events: {
    // Signing out ends this browser's session row, not only its cookie: a copy of the cookie (a
    // shared computer, a stolen cookie) stops working too, while the person's other browsers stay
    // signed in. A cookie from before session rows cannot be told apart: it ends them all, as before.
    async signOut({ token }) {
      const { id, sid } = (token ?? {}) as { id?: unknown; sid?: unknown };
      if (typeof id !== "string") return;
      const now = await currentTime(getPrisma());
      const ending = typeof sid === "string" ? endSignedOutSession(getPrisma(), { userId: id, sessionId: sid, now }) : revokeSessions(getPrisma(), id, { reason: "signed out", now });
      await ending.catch((error: unknown) => console.error("[auth] sign-out could not end the session:", (error as Error).message));
    },
  },
};

/** The session as next-auth decoded it from the cookie, not yet checked against the database. */
export const readSessionCookie = () => getServerSession(authOptions);

/**
 * The same session, for an API request, decoded from its own Cookie header with the key derived
 * once (session-cookie.ts): what getServerSession gives, at a fraction of its cost per request.
 * Without a secret of our own to derive from (next-auth's development fallback), next-auth decodes.
 */
export function readRequestSession(req: Request): Promise<Session | null> {
  const secret = authOptions.secret ?? dbEnv.NEXTAUTH_SECRET;
  if (!secret) return readSessionCookie();
  return sessionFromCookie(req.headers.get("cookie"), {
    cookieName: authOptions.cookies!.sessionToken!.name,
    secret,
    callbacks: authOptions.callbacks!,
    onError: (error) => logger?.error?.("JWT_SESSION_ERROR", error as Error),
  });
}

/**
 * The signed-in person for a page, or null when signed out or when the session was ended
 * (session-user.ts); the role and name are the database's. Read once per request.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const session = await readSessionCookie();
  const user = await sessionUser(getPrisma(), session);
  return session && user ? { ...session, user: { ...user, sessionVersion: session.user.sessionVersion ?? 0, sessionId: user.sessionId ?? undefined } } : null;
});
