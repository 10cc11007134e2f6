// First-load JavaScript per page, from the production build's manifests (Next 16, Turbopack):
// every app page loads the root main files of build-manifest.json, then the chunks its
// client reference manifest lists for its layouts and page (`entryJSFiles`). Each distinct
// chunk is gzipped (level 9, as Next's old build table) and summed. Polyfills are left out
// (loaded with `nomodule`, so only by browsers without ES modules).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Pages a visitor sees before signing in (the rest are dashboards behind sign-in). */
export const PUBLIC_ROUTES = new Set(["/", "/sign-in", "/sign-up"]);

export interface RouteBundle {
  route: string;
  public: boolean;
  chunks: number;
  gzipBytes: number;
  rawBytes: number;
}

export interface BundleReport {
  distDir: string;
  /** Public pages measured again from the HTML the running server sends (when it ran). */
  htmlCheck?: { route: string; chunks: number; gzipBytes: number }[];
  /** The chunks every page loads (React, Next's client, the root layout's providers). */
  sharedGzipBytes: number;
  routes: RouteBundle[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** The JSON object a `*_client-reference-manifest.js` file assigns. */
function clientReferenceManifest(file: string): { entryJSFiles?: Record<string, string[]> } {
  const source = readFileSync(file, "utf8");
  const start = source.indexOf("] = ");
  if (start < 0) throw new Error(`unexpected client reference manifest format in ${file}`);
  return JSON.parse(source.slice(start + 4).trim().replace(/;$/, "")) as { entryJSFiles?: Record<string, string[]> };
}

export function measureBundles(distRoot: string): BundleReport {
  const buildManifest = readJson<{ rootMainFiles: string[] }>(join(distRoot, "build-manifest.json"));
  const appRoutes = readJson<Record<string, string>>(join(distRoot, "app-path-routes-manifest.json"));
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const bytes = readFileSync(join(distRoot, chunk));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(chunk, size);
    }
    return size;
  };
  const shared = [...new Set(buildManifest.rootMainFiles)];
  const routes: RouteBundle[] = [];
  for (const [entry, route] of Object.entries(appRoutes)) {
    if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
    const manifestFile = join(distRoot, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) throw new Error(`no client reference manifest for ${route} (${manifestFile})`);
    const entryFiles = clientReferenceManifest(manifestFile).entryJSFiles ?? {};
    // The route's own layouts and page (and Next's built-in error boundary it renders with).
    const chunks = new Set(shared);
    for (const files of Object.values(entryFiles)) for (const chunk of files) chunks.add(chunk);
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const chunk of chunks) {
      const size = sizeOf(chunk);
      gzipBytes += size.gzip;
      rawBytes += size.raw;
    }
    routes.push({ route, public: PUBLIC_ROUTES.has(route), chunks: chunks.size, gzipBytes, rawBytes });
  }
  routes.sort((a, b) => Number(b.public) - Number(a.public) || a.route.localeCompare(b.route));
  return { distDir: distRoot, sharedGzipBytes: shared.reduce((sum, chunk) => sum + sizeOf(chunk).gzip, 0), routes };
}

/**
 * A cross-check of the manifests: the scripts a page's HTML makes the browser load
 * (`<script src>` under /_next/static), gzipped and summed the same way.
 */
export async function measureFromHtml(distRoot: string, baseUrl: string, route: string): Promise<{ chunks: number; gzipBytes: number }> {
  const html = await (await fetch(`${baseUrl}${route}`)).text();
  // Without the `nomodule` polyfills, which only browsers without ES modules load.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const chunks = new Set(tags.flatMap((tag) => /\ssrc="\/_next\/(static\/[^"?]+\.js)/.exec(tag)?.[1] ?? []));
  let gzipBytes = 0;
  for (const chunk of chunks) gzipBytes += gzipSync(readFileSync(join(distRoot, chunk)), { level: 9 }).length;
  return { chunks: chunks.size, gzipBytes };
}
