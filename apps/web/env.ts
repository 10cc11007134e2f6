import { dbEnvSpec, defineEnv, variables as v } from "@fairlance/db/env";

/**
 * The web app's configuration (README, "Configuration"). Read by next.config.ts, proxy.ts and
 * scripts/serve.ts from here; server code imports server/env.ts (server-only). The browser's
 * code gets what it may know from lib/public-env.ts, which Next fills in at build time.
 */
export const webEnvSpec = {
  FAIRLANCE_TRUST_PROXY: v.number(0, 10, { default: "0" }, "the number of reverse proxies in front of the app that append to X-Forwarded-For (0 to 10)"),
  FAIRLANCE_NEXT_DIST_DIR: v.text({ default: ".next" }),
  NODE_ENV: v.oneOf(["development", "production", "test"], { unset: "*(set by Next)*" }),
} as const;

/** The web app reads the port and public URL the database package owns (links in emails need them too). */
export const env = defineEnv({ ...webEnvSpec, PORT: dbEnvSpec.PORT, NEXTAUTH_URL: dbEnvSpec.NEXTAUTH_URL });
