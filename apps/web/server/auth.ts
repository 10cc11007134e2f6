import "server-only";
import { cache } from "react";
import { getServerSession, type NextAuthOptions, type Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDomainError, textProblem, type Role } from "@fairlance/db";
import { revokeSessions, verifyCredentials } from "@fairlance/db/services";
import { servedOverHttps } from "@/lib/security-headers";
import { clientAddress, trustedProxyHops } from "./client-address";
import { getPrisma } from "./db";
import { sessionUser } from "./session-user";
import { env } from "./env";

declare module "next-auth" {
  interface Session {
    /** sessionVersion: the person's session version when this session began (see session-user.ts). */
    user: { id: string; email: string; name: string; role: Role; sessionVersion?: number };
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    sessionVersion?: number;
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
          const user = await verifyCredentials(getPrisma(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientAddress(req?.headers?.["x-forwarded-for"], trustedProxyHops()),
            now: new Date(),
          });
          return { id: user.id, email: user.email, name: user.name, role: user.role };
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
        // The session remembers the person's session version, so that ending their sessions ends this one.
        const row = await getPrisma().user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.sessionVersion = row?.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.id, email: token.email ?? "", name: token.name ?? "", role: token.role, sessionVersion: token.sessionVersion ?? 0 };
      return session;
    },
  },
  events: {
    // Signing out ends every session of the person, not only this browser's cookie: a token
    // copied before (a shared computer, a stolen cookie) stops working too.
    async signOut({ token }) {
      const id = (token as { id?: unknown } | null)?.id;
      if (typeof id === "string") await revokeSessions(getPrisma(), id).catch((error: unknown) => console.error("[auth] sign-out could not end sessions:", (error as Error).message));
    },
  },
};

/** The session as next-auth decoded it from the cookie, not yet checked against the database. */
export const readSessionCookie = () => getServerSession(authOptions);

/**
 * The signed-in person for a page, or null when signed out or when the session was ended
 * (session-user.ts); the role and name are the database's. Read once per request.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const session = await readSessionCookie();
  const user = await sessionUser(getPrisma(), session);
  return session && user ? { ...session, user: { ...user, sessionVersion: session.user.sessionVersion ?? 0 } } : null;
});
