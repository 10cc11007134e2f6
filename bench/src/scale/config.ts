// The configuration files of `pnpm scale`'s parts, written from plain values (pure: tested in
// config.test.ts). Each part gets its own folder under the run's data folder.

export interface PgBouncerConfig {
  listenPort: number;
  /** The pools: the name clients connect to, and the PostgreSQL behind it. */
  databases: { name: string; port: number; dbname: string }[];
  user: string;
  password: string;
  /** Server connections per pool (PgBouncer's default_pool_size). */
  poolSize: number;
  maxClientConnections: number;
  /** Folder of the auth file. */
  dir: string;
}

const quoteConnValue = (value: string | number) => (/^[A-Za-z0-9_.-]+$/.test(String(value)) ? String(value) : `'${String(value).replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`);

/**
 * pgbouncer.ini: transaction pooling (a server connection is lent for one transaction), which is
 * why nothing of the app may keep session state on a pooled connection (docs/scaling.md,
 * "Connections"). Unix sockets are off: the run's folder may not be the postgres user's.
 */
export function pgbouncerIni(config: PgBouncerConfig): string {
  const databases = config.databases.map(
    (db) => `${db.name} = host=127.0.0.1 port=${db.port} dbname=${quoteConnValue(db.dbname)} user=${quoteConnValue(config.user)} password=${quoteConnValue(config.password)}`,
  );
  return [
    "[databases]",
    ...databases,
    "",
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${config.listenPort}`,
    "unix_socket_dir =",
    "auth_type = scram-sha-256",
    `auth_file = ${config.dir}/userlist.txt`,
    `admin_users = ${config.user}`,
    "pool_mode = transaction",
    `default_pool_size = ${config.poolSize}`,
    "min_pool_size = 0",
    "reserve_pool_size = 0",
    `max_client_conn = ${config.maxClientConnections}`,
    // pg sends extra_float_digits, some clients `options`: accepted and ignored, not refused.
    "ignore_startup_parameters = extra_float_digits,options",
    // A server that went away (a restart, the replica stopped) is tried again after 1 s, not 15.
    "server_login_retry = 1",
    "server_connect_timeout = 3",
    // A client waits at most this long for a server connection, then gets an error. PgBouncer keeps
    // a client waiting (rather than refusing it) while the server it pools is down: with the replica
    // stopped, a stale read fails after this long and the app reads the primary instead (and then
    // skips the replica for 5 s). The pools are as large as the clients' pools, so no request waits
    // this long for a busy primary.
    "query_wait_timeout = 5",
    "log_connections = 0",
    "log_disconnections = 0",
    "",
  ].join("\n");
}

/** userlist.txt: `"user" "password"` (PgBouncer hashes it for SCRAM itself). */
export function pgbouncerUserlist(user: string, password: string): string {
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return `${q(user)} ${q(password)}\n`;
}

export interface HaproxyConfig {
  listenPort: number;
  servers: { name: string; port: number }[];
  /** The runtime API's socket (to take an instance out of rotation and back). */
  statsSocket: string;
  healthPath: string;
}

/**
 * haproxy.cfg: round-robin over the web instances with a health check every second (3 failures
 * take an instance out, 2 successes bring it back). A request that could not reach an instance
 * is sent to the other one (`retry-on conn-failure` + `option redispatch`); a request that
 * reached an instance that then died is not retried by the proxy (the client replays it with its
 * idempotency key). Each answer names the instance that gave it (`X-Fairlance-Instance`).
 */
export function haproxyConfig(config: HaproxyConfig): string {
  return [
    "global",
    "  maxconn 4096",
    `  stats socket ${config.statsSocket} mode 600 level admin`,
    "",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    // Server-sent events (the notification stream) stay open up to an hour.
    "  timeout tunnel 1h",
    "  retries 2",
    "  retry-on conn-failure",
    "  option redispatch",
    "  option http-server-close",
    "",
    "frontend fairlance",
    `  bind 127.0.0.1:${config.listenPort}`,
    "  option forwardfor",
    "  default_backend web",
    "",
    "backend web",
    "  balance roundrobin",
    `  option httpchk GET ${config.healthPath}`,
    "  http-check expect status 200",
    // A loaded instance may take a moment to answer: a check waits up to 5 s (without it, `inter`).
    "  timeout check 5s",
    "  default-server inter 1s fall 3 rise 2",
    "  http-response set-header X-Fairlance-Instance %s",
    ...config.servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
    "",
  ].join("\n");
}

export interface StandbyConfig {
  primaryPort: number;
  user: string;
  password: string;
  slot: string;
  applicationName: string;
}

/**
 * What a copy of the primary's data folder needs to start as a streaming replica: lines for its
 * postgresql.auto.conf (read last, so they win), next to an empty standby.signal.
 */
export function standbySettings(config: StandbyConfig): string {
  const conninfo = `host=127.0.0.1 port=${config.primaryPort} user=${config.user} password=${config.password} application_name=${config.applicationName}`;
  return [
    "",
    "# pnpm scale: a streaming replica of the primary on port " + config.primaryPort,
    `primary_conninfo = '${conninfo.replaceAll("'", "''")}'`,
    `primary_slot_name = '${config.slot}'`,
    "hot_standby = on",
    // Tell the primary how far it has replayed every second (pg_stat_replication's replay_lag).
    "wal_receiver_status_interval = 1s",
    // Long reads on the replica are not cancelled by the primary's vacuum.
    "hot_standby_feedback = on",
    "",
  ].join("\n");
}

/** Ports for the run's parts: free ones, optionally inside a range (`--ports 43000-43999`). */
export function parsePortRange(text: string): { from: number; to: number } {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1024 || to > 65535 || to - from < 15) throw new Error(`--ports takes a range of at least 16 ports between 1024 and 65535, such as 43000-43999; it is "${text}".`);
  return { from, to };
}
