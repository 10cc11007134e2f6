import "server-only";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { connection } from "next/server";
import { cache, type ReactNode } from "react";
import { currentTime } from "@fairlance/db";
import { getSession } from "@/server/auth";
import { clientAddress, trustedProxyHops } from "@/server/client-address";
import { getPrisma } from "@/server/db";
import { appRouter } from "@/server/root";
import { createContextInner } from "@/server/trpc";
import { makeQueryClient } from "./query-client";

/** One query client per request: the page's prefetches fill it and HydrateClient sends it along. */
const getQueryClient = cache(makeQueryClient);

/** The same context the HTTP endpoint builds, for calls made while rendering a page. */
const createContext = cache(async () => {
  const prisma = getPrisma();
  const [session, now, incoming] = await Promise.all([getSession(), currentTime(prisma), headers()]);
  const address = clientAddress(incoming.get("x-forwarded-for") ?? undefined, trustedProxyHops());
  return createContextInner({ session, prisma, now: () => now, clientAddress: address });
});

/**
 * The API for server components: `trpc.earnings.get.queryOptions()` gives the same query key as
 * `useTRPC()` in the browser, and runs the procedure in-process (same role and ownership checks,
 * no HTTP hop).
 */
export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createContext, queryClient: getQueryClient });

/**
 * Runs a page's queries on the server before it renders, so the page arrives with its data
 * (CONTRIBUTING.md, "A page"). A query that fails is left for the browser, which shows its sentence.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own data type
export async function prefetch(...queries: FetchQueryOptions<any, any, any, any>[]): Promise<void> {
  const queryClient = getQueryClient();
  await Promise.all(queries.map((query) => queryClient.prefetchQuery(query)));
}

/** Hands what the page prefetched to the browser's query client. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={prefetchedState()}>{children}</HydrationBoundary>;
}

/** What HydrateClient sends, for a client island that places its own provider (the demo clock). */
export const prefetchedState = () => dehydrate(getQueryClient());

/** What a prefetch brought, for a page whose next prefetch depends on it (undefined if it failed). */
export function prefetched<TQueryKey extends QueryKey>(query: { queryKey: TQueryKey }) {
  return getQueryClient().getQueryData(query.queryKey);
}

/**
 * One query's data for a server component that draws it itself: a part of a page with nothing to
 * click, for which no JavaScript is sent (the dashboards). The query runs like a prefetch (same
 * procedure, same checks); a refusal gives its sentence instead, and a crash a generic one (the
 * crash is logged), for the page to show where the data would be. `notFound`: the input names
 * nothing there is (an unknown or malformed id), for a page about that one thing to answer 404.
 */
export async function readQuery<TData>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own data type
  query: FetchQueryOptions<any, any, TData, any>,
): Promise<{ ok: true; data: TData } | { ok: false; message: string; notFound: boolean }> {
  // Data read per request: never while prerendering at build time (there is no database then).
  await connection();
  try {
    return { ok: true, data: await getQueryClient().fetchQuery(query) };
  } catch (error) {
    unstable_rethrow(error); // Next's own signals (a redirect, a dynamic bail-out) are not failures
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return { ok: false, message: error.message, notFound: error.code === "NOT_FOUND" || error.code === "BAD_REQUEST" };
    console.error("[page] a query failed while rendering:", error);
    return { ok: false, message: "Something went wrong on our side. Please try again.", notFound: false };
  }
}
