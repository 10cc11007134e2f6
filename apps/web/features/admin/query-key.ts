import superjson from "superjson";

/** React Query hashes keys with JSON.stringify, which cannot hold a bigint: hash with superjson instead. */
export const bigintSafeHash = (queryKey: readonly unknown[]) => superjson.stringify(queryKey);
