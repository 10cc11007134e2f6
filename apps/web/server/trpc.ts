import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Session } from "next-auth";
import { decodeUntrusted, encodeTyped, type PrismaClient, type Role } from "@fairlance/db";
import type { ActorCall } from "@fairlance/db/services";
import { roleList, suspendedSentence, suspensionRule } from "@fairlance/rules";
import { DomainError } from "@fairlance/db";
import { FieldProblem, issueFieldErrors, readableIssue, readableZodError, toTRPCError } from "./errors";
import { sessionUser } from "./session-user";
import { staleRead, type StaleRead } from "./db";

export interface Context {
  session: Session | null;
  prisma: PrismaClient;
  /** Injected so tests and the demo clock can control time. */
  now: () => Date;
  /** The caller's network address, for throttles ("unknown" when it cannot be told; see client-address.ts). */
  clientAddress: string;
  /**
   * The one way to say "this read may be a few seconds stale": `ctx.mayBeStale((db) => searchJobs(db, input))`
   * runs on the read replica when DATABASE_REPLICA_URL is set, on the primary otherwise or while it is away
   * (docs/architecture.md, "Which reads may go to the replica").
   */
  mayBeStale: <T>(read: StaleRead<T>) => Promise<T>;
}

export function createContextInner(options: {
  session: Session | null;
  prisma: PrismaClient;
  now?: () => Date;
  clientAddress?: string;
  /** Where stale-tolerant reads go (tests); the process's DATABASE_REPLICA_URL routing otherwise. */
  mayBeStale?: <T>(read: StaleRead<T>) => Promise<T>;
}): Context {
  const prisma = options.prisma;
  return {
    session: options.session,
    prisma,
    now: options.now ?? (() => new Date()),
    clientAddress: options.clientAddress ?? "unknown",
    mayBeStale: options.mayBeStale ?? ((read) => staleRead(prisma, read)),
  };
}

/**
 * The API's wire format is typed JSON (superjson), and what callers send is decoded by the strict
 * decoder: only bigint, Date and undefined besides plain JSON, only text a person could mean. The
 * edge (http.ts) has already refused anything it would refuse, with the field named.
 */
const transformer = {
  input: {
    serialize: (value: unknown) => encodeTyped(value),
    deserialize: (payload: unknown) => {
      const decoded = decodeUntrusted(payload);
      if (!decoded.ok) throw new TRPCError({ code: "BAD_REQUEST", message: decoded.problem.message });
      return decoded.value;
    },
  },
  output: superjson,
};

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause as { name?: unknown; code?: unknown } | undefined;
    const isDomain = cause?.name === "DomainError" || cause?.name === "RuleViolation";
    const zodError = error.cause instanceof ZodError && error.code !== "INTERNAL_SERVER_ERROR" ? error.cause : null;
    // The stack (with a crash's text and the server's paths) goes to the server log only.
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // A crash's own text (a database error, a stack) is for the server log, not for the caller.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on our side. Please try again." : zodError ? readableZodError(zodError) : shape.message,
      data: {
        ...data,
        // Only the app's own codes: a library's (a Prisma "P2020") says nothing to the caller.
        domainCode: isDomain && typeof cause?.code === "string" ? cause.code : null,
        fieldErrors: zodError ? z.flattenError(zodError, readableIssue).fieldErrors : error.cause instanceof FieldProblem ? error.cause.fieldErrors : isDomain ? issueFieldErrors(error.cause) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Domain errors thrown by services become readable tRPC errors, in one place. */
const translateDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const translated = toTRPCError(result.error.cause);
    if (translated) throw translated;
  }
  return result;
});

export const publicProcedure = t.procedure.use(translateDomainErrors);

/**
 * A signed-in person whose account still exists and whose session has not been ended; the role
 * comes from the database, in the same read that checks the session (session-user.ts).
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, path }) => {
  if (!ctx.session?.user?.id) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  const user = await sessionUser(ctx.prisma, ctx.session, ctx.now());
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  // The one check of what a suspended account may do (economy.md §5.3): the policy, by procedure path.
  if (user.suspendedAt) {
    const rule = suspensionRule(path);
    if (!rule.allowed) throw new DomainError("ACCOUNT_SUSPENDED", suspendedSentence(user.suspendedReason, rule.what));
  }
  // What every operation takes besides its typed fields: who acts (read once, here) and when.
  const caller: ActorCall = { actorId: user.id, actor: user, now: ctx.now() };
  return next({ ctx: { ...ctx, user, caller } });
});

const roleProcedure = (...roles: Role[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${roleList(roles)} can do this.` });
    }
    return next();
  });

export const clientProcedure = roleProcedure("CLIENT");
export const freelancerProcedure = roleProcedure("FREELANCER");
export const adminProcedure = roleProcedure("ADMIN");
/** The parties of jobs, contracts and conversations: clients and freelancers (admins act elsewhere). */
export const partyProcedure = roleProcedure("CLIENT", "FREELANCER");
/** Who looks for talent: clients, and admins (who see what clients see). */
export const clientOrAdminProcedure = roleProcedure("CLIENT", "ADMIN");
