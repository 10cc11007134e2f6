import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isDomainError, verifyCredentials, type Role } from "@fairlance/db";
import { getPrisma } from "./db";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
  }
}

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "unknown";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
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
        try {
          const user = await verifyCredentials(getPrisma(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(req?.headers),
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
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.id, email: token.email ?? "", name: token.name ?? "", role: token.role };
      return session;
    },
  },
};

export const getSession = () => getServerSession(authOptions);
