import { defineEnv, env } from "./env/define";

export { defineEnv, documentedDefault, envProblems, EnvError, env as variables, readVariable, type EnvSpec, type Variable } from "./env/define";

/** The database package's configuration (README, "Configuration"). */
export const dbEnvSpec = {
  DATABASE_URL: env.url(["postgresql:", "postgres:"], { unset: "*(unset)*" }),
  // Live updates (issue 16, live/listener.ts): LISTEN needs a session of its own on the server, so
  // behind PgBouncer in transaction mode it takes a direct connection; unset, DATABASE_URL's.
  DATABASE_DIRECT_URL: env.url(["postgresql:", "postgres:"], { unset: "*(unset)*" }),
  // Read models that may be a few seconds stale (job and talent search, public profiles, charts) go to
  // this streaming replica, falling back to DATABASE_URL while it is away (replica.ts); unset, everything reads DATABASE_URL.
  DATABASE_REPLICA_URL: env.url(["postgresql:", "postgres:"], { unset: "*(unset)*" }),
  // Hot statements are prepared once per connection (prepared.ts). `0` behind a pool that cannot keep
  // them: PgBouncer in transaction mode before 1.21, or without max_prepared_statements.
  FAIRLANCE_PREPARED_STATEMENTS: env.oneOf(["1", "0"], { default: "1" }),
  FAIRLANCE_PG_PORT: env.port({ default: "54320" }),
  FAIRLANCE_DATA_DIR: env.text({ unset: "`.data`" }),
  FAIRLANCE_SIGN_UP_LIMIT: env.number(1, 100_000, { default: "10" }),
  FAIRLANCE_MOVABLE_CLOCK: env.oneOf(["1", "0"], { unset: "*(off)*" }),
  FAIRLANCE_DEPLOYMENT: env.text({ unset: "*(unset)*" }),
  // The app's port and public URL: the web server listens on the one, and every link the
  // marketplace sends (emails, written by the runner too) starts with the other (email/app-url.ts).
  PORT: env.port({ default: "3000" }),
  NEXTAUTH_URL: env.url(["http:", "https:"], { unset: "`http://localhost:$PORT`" }),
  // Email (email/config.ts) and the secret that signs sessions and unsubscribe links (secret.ts): read by the web server and the runner alike.
  NEXTAUTH_SECRET: env.text({ unset: "generated" }),
  SMTP_URL: env.url(["smtp:", "smtps:"], { unset: "*(unset)*" }),
  EMAIL_FROM: env.matching(/^[^\r\n<>]{0,100}<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, 'an address such as "Fairlance <no-reply@example.com>" or "no-reply@example.com"', {
    default: "Fairlance <no-reply@fairlance.localhost>",
  }),
  // Where uploaded files are kept (files/config.ts): `local` (under the data folder) or `s3`, with the S3_* settings.
  FAIRLANCE_FILE_STORE: env.oneOf(["local", "s3"], { default: "local" }),
  S3_ENDPOINT: env.url(["https:", "http:"], { unset: "*(unset)*" }),
  S3_REGION: env.matching(/^[a-z0-9][a-z0-9-]{0,40}$/, 'a region name such as "eu-west-3" or "auto" (lower-case letters, digits and "-")', { default: "us-east-1" }),
  S3_BUCKET: env.matching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3 to 63 lower-case letters, digits, "." and "-"', { unset: "*(unset)*" }),
  S3_ACCESS_KEY_ID: env.text({ unset: "*(unset)*" }),
  S3_SECRET_ACCESS_KEY: env.text({ unset: "*(unset)*" }),
  S3_FORCE_PATH_STYLE: env.oneOf(["1", "0"], { default: "0" }),
} as const;

export const dbEnv = defineEnv(dbEnvSpec);
