import { defineEnv, variables as v } from "@fairlance/db/env";

// Bench and chaos runs read the settings of the packages they start from those packages.
export { dbEnv } from "@fairlance/db/env";
export { env as webEnv } from "@fairlance/web/env";

/** The benchmark's own settings (README, "Configuration"): the floor server's. */
export const benchEnvSpec = {
  FLOOR_PORT: v.port({ default: "0", anyFree: true }),
  FLOOR_POOL_MAX: v.number(1, 1000, { default: "10" }),
} as const;

export const benchEnv = defineEnv(benchEnvSpec);
