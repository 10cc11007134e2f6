export const dynamic = "force-dynamic";

/**
 * GET /api/health: the load balancer's health check (`pnpm scale`'s HAProxy, docs/scaling.md).
 * It answers from this process alone, without the database: an instance that serves is healthy,
 * and a database that is away is the same for every instance (the API answers 503 then), so
 * taking instances out of rotation for it would only turn those answers into the proxy's 503.
 */
export function GET(): Response {
  return new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
