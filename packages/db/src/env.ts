import { defineEnv, env } from "./env/define";

export { defineEnv, documentedDefault, envProblems, EnvError, env as variables, readVariable, type EnvSpec, type Variable } from "./env/define";

/** The database package's configuration (README, "Configuration"). */
export const dbEnvSpec = {
  DATABASE_URL: env.url(["postgresql:", "postgres:"], { unset: "*(unset)*" }),
  FAIRLANCE_PG_PORT: env.port({ default: "54320" }),
  FAIRLANCE_DATA_DIR: env.text({ unset: "`.data`" }),
  FAIRLANCE_SIGN_UP_LIMIT: env.number(1, 100_000, { default: "10" }),
  FAIRLANCE_MOVABLE_CLOCK: env.oneOf(["1", "0"], { unset: "*(off)*" }),
  FAIRLANCE_DEPLOYMENT: env.text({ unset: "*(unset)*" }),
} as const;

export const dbEnv = defineEnv(dbEnvSpec);
