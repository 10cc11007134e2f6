import { defaultShouldDehydrateQuery, QueryClient, type QueryKey } from "@tanstack/react-query";
import superjson from "superjson";
import { canonicalText } from "@fairlance/rules";

/**
 * Query keys hold bigint cents and dates, which React Query's default hash (JSON.stringify)
 * refuses or flattens: they are hashed by the typed codec's canonical text instead. The server's
 * query client (trpc/server.tsx) and the browser's must hash alike, or a prefetched query would
 * not be found by the component that reads it.
 */
const hashTypedKey = (queryKey: QueryKey) => canonicalText(queryKey);

const isClientError = (error: unknown) => {
  const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
};

/**
 * The one query client factory, for the server (one per request, filled by the page's prefetches)
 * and for the browser (one per tab). What the server prefetched crosses to the browser as the
 * API's own typed JSON (superjson), so bigint cents and dates arrive as themselves.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Prefetched data is fresh when the page arrives: no second fetch on hydration.
        staleTime: 30_000,
        retry: (count, error) => count < 2 && !isClientError(error),
        queryKeyHashFn: hashTypedKey,
      },
      dehydrate: {
        serializeData: superjson.serialize,
        // Only what succeeded: a refused or failed prefetch is fetched again in the browser, which
        // shows its sentence where the data would be.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
