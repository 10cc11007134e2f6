// The production web server (`pnpm start`, e2e, bench, chaos, scale): Next's own server as a custom
// server (https://nextjs.org/docs/app/guides/custom-server) in one Node process, with the API's
// calls (`/api/trpc/…`, GET and POST) answered by the built tRPC route's handler before Next's
// router (scripts/api-fast-path.ts): the same handler, module instances and database pool as Next's
// route, without Next's per-request routing. Everything else (pages, auth, files, the
// notifications stream, other methods) is Next's request handler, as under `next start`.
//
// Compiled by packages/db/scripts/compile.mjs into packages/db/dist/web.mjs and started by
// processes.ts's spawnWeb: `node [V8 flags] web.mjs --port 3000 [--hostname 127.0.0.1]`, in
// apps/web, with FAIRLANCE_NEXT_DIST_DIR naming the build (`.next` by default).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { env } from "../env";
import { createApiFastPath, isApiCall, type RouteHandler } from "./api-fast-path";
import { builtConfig, stopWithParent, WEB_ROOT } from "./processes";

const startedAt = performance.now();
// As `next start` (Next's own variable, set before Next is loaded): the server code, and its start-up checks, see production.
(process.env as Record<string, string>).NODE_ENV = "production";
const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? env.PORT);
const hostname = values.hostname;
const distDir = env.FAIRLANCE_NEXT_DIST_DIR;

// The configuration the build resolved: next.config.ts is not compiled again (as in Next's standalone
// server.js; spawnWeb also hands it over in __NEXT_PRIVATE_STANDALONE_CONFIG).
const config = builtConfig({ FAIRLANCE_NEXT_DIST_DIR: distDir });
if (!config) {
  console.error(`[web] There is no production build in apps/web/${distDir}: run \`pnpm --filter @fairlance/web build\` (pnpm start builds it when it is missing).`);
  process.exit(1);
}

const webRequire = createRequire(join(WEB_ROOT, "package.json"));
type NextApp = { prepare(): Promise<void>; getRequestHandler(): (req: unknown, res: unknown) => Promise<void> };
const next = webRequire("next") as (options: Record<string, unknown>) => NextApp;
const app = next({ dev: false, dir: WEB_ROOT, port, hostname, conf: config, customServer: true });
await app.prepare(); // also runs instrumentation.ts: the start-up checks, before any request
const nextHandler = app.getRequestHandler();

// The built route: the module Next itself loads for /api/trpc/[trpc] (Node's module cache makes it one instance).
// Next loads a route's own code (route.ts and what it imports) lazily: ensureUserland() is how it waits for it.
const route = webRequire(join(WEB_ROOT, distDir, "server", "app", "api", "trpc", "[trpc]", "route.js")) as {
  routeModule?: { ensureUserland?(): Promise<void>; userland?: Partial<Record<"GET" | "POST", RouteHandler>> };
};
await route.routeModule?.ensureUserland?.();
const handlers = route.routeModule?.userland;
if (!handlers?.GET || !handlers.POST) {
  console.error("[web] The built API route has no GET and POST handlers; rebuild with `pnpm --filter @fairlance/web build`.");
  process.exit(1);
}
const api = createApiFastPath({ handlers: { GET: handlers.GET, POST: handlers.POST }, port, hostname, onError: (error) => console.error("[web] API request failed:", error) });

const server = createServer((req, res) => {
  if (isApiCall(req)) void api(req, res);
  else
    nextHandler(req, res).catch((error: unknown) => {
      console.error("[web] request failed:", error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
});
server.listen(port, hostname, () => {
  console.log(`  ▲ Next.js (custom server, API before the router) on http://${hostname ?? "localhost"}:${port}`);
  console.log(` ✓ Ready in ${Math.round(performance.now() - startedAt)}ms`);
});

// As `next start`: the exit code says which signal stopped it (143 for SIGTERM, 130 for SIGINT).
for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) process.on(signal, () => process.exit(code));
// Its supervisor gone, even killed with SIGKILL (spawnWeb's channel closes): it stops as on SIGTERM,
// rather than staying behind holding the port.
stopWithParent(() => {
  console.error("[web] the process that started the web server is gone: stopping.");
  process.exit(143);
});
