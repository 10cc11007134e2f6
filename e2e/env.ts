import { defineEnv, variables as v } from "@fairlance/db/env";

// The settings of the packages the tests start are read from those packages.
export { dbEnv } from "@fairlance/db/env";
export { env as webEnv } from "@fairlance/web/env";

/** The browser tests' settings (README, "Configuration"). */
export const e2eEnvSpec = {
  E2E_PORT: v.port({ unset: "a free port" }),
  E2E_NEXTAUTH_URL: v.url(["http:", "https:"], { unset: "`http://localhost:$E2E_PORT`" }),
  CHROMIUM_PATH: v.text({ unset: "`/usr/bin/chromium`" }),
  ADMIN_SHOTS_DIR: v.text({ unset: "*(unset)*" }),
  E2E_SCREENSHOTS: v.oneOf(["0", "1"], { unset: "`1`; `0` when `CI` is set" }),
  CI: v.text({ unset: "*(unset)*" }),
} as const;

export const e2eEnv = defineEnv(e2eEnvSpec);
