import { defineEnv, variables as v } from "@fairlance/db/env";

// Bench and chaos runs read the settings of the packages they start from those packages.
export { dbEnv } from "@fairlance/db/env";
export { env as webEnv } from "@fairlance/web/env";

/** The benchmark's own settings (README, "Configuration"): the floor server's, and the browser Lighthouse runs in. */
export const benchEnvSpec = {
  FLOOR_PORT: v.port({ default: "0", anyFree: true }),
  BENCH_POSTGRES_PORT: v.port({ default: "0", anyFree: true }),
  BENCH_WEB_PORT: v.port({ default: "0", anyFree: true }),
  FLOOR_POOL_MAX: v.number(1, 1000, { default: "10" }),
  CHROME_PATH: v.text({ default: "/usr/bin/chromium" }),
} as const;

export const benchEnv = defineEnv(benchEnvSpec);
